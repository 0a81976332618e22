import { ResilientError } from './resilient-error';

const marker = 'resilient-llm.error.bulkhead-rejected';
const symbol = Symbol.for(marker);

/** Why a bulkhead refused a call: no execution or queue slot was free, or the queue wait ran out. */
export type BulkheadRejectedReason = 'full' | 'queue-timeout';

/** A bulkhead refused the call; it was never started. */
export class BulkheadRejectedError extends ResilientError {
  private readonly [symbol] = true;
  /** Why the call was refused. */
  readonly reason: BulkheadRejectedReason;
  /** The bulkhead's `maxConcurrent`. */
  readonly maxConcurrent: number;
  /** The bulkhead's `maxQueued`. */
  readonly maxQueued: number;

  constructor({
    reason,
    maxConcurrent,
    maxQueued,
  }: { reason: BulkheadRejectedReason; maxConcurrent: number; maxQueued: number }) {
    super({
      name: 'BulkheadRejectedError',
      message:
        reason === 'full'
          ? `The bulkhead is full (${maxConcurrent} running, ${maxQueued} queued).`
          : 'The call waited too long in the bulkhead queue.',
    });
    this.reason = reason;
    this.maxConcurrent = maxConcurrent;
    this.maxQueued = maxQueued;
  }

  static override isInstance(error: unknown): error is BulkheadRejectedError {
    return ResilientError.hasMarker(error, marker);
  }
}
