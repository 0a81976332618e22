import type { Clock } from '../time/clock';
import { optionKeys } from '../validation/option-keys';

/** Options of {@link BulkheadPolicy}. */
export interface BulkheadOptions {
  /** Calls allowed to run at once. Defaults to 10 (`defaultBulkheadOptions.maxConcurrent`). */
  maxConcurrent?: number;
  /**
   * Calls allowed to wait, first in first out, for a free slot. Defaults to 0
   * (`defaultBulkheadOptions.maxQueued`): no queue.
   */
  maxQueued?: number;
  /**
   * Longest a call may wait in the queue before `BulkheadRejectedError`, in milliseconds.
   * Defaults to `Infinity` (`defaultBulkheadOptions.maxQueueWaitMs`).
   */
  maxQueueWaitMs?: number;
  /** Source of time for the queue wait. Defaults to the system clock. */
  clock?: Clock;
}

/** The values {@link BulkheadPolicy} applies to the {@link BulkheadOptions} left out. */
export const defaultBulkheadOptions = {
  maxConcurrent: 10,
  maxQueued: 0,
  maxQueueWaitMs: Infinity,
} as const satisfies BulkheadOptions;

/** Every option of {@link BulkheadOptions}: any other key is refused. */
export const bulkheadOptionKeys = optionKeys<BulkheadOptions>({
  maxConcurrent: true,
  maxQueued: true,
  maxQueueWaitMs: true,
  clock: true,
});
