import type { Clock } from '../time/clock';
import { systemClock } from '../time/clock';
import { assertClock, assertNumber, assertOptions, optionKeys } from '../validation/validate';
import { SlidingWindowCounter } from '../window/sliding-window-counter';

/** Options of {@link RetryBudget}. */
export interface RetryBudgetOptions {
  /** Retries allowed as a share of calls made in the window. Defaults to 0.2 (`defaultRetryBudgetOptions.ratio`). */
  ratio?: number;
  /** Length of the sliding window, in milliseconds. Defaults to 10000 (`defaultRetryBudgetOptions.windowMs`). */
  windowMs?: number;
  /** Retries always allowed per window, however few calls were made. Defaults to 10
   * (`defaultRetryBudgetOptions.minRetriesPerWindow`).
   */
  minRetriesPerWindow?: number;
  /** Source of time. Defaults to the system clock. */
  clock?: Clock;
}

/** The values {@link RetryBudget} applies to the {@link RetryBudgetOptions} left out. */
export const defaultRetryBudgetOptions = {
  ratio: 0.2,
  windowMs: 10_000,
  minRetriesPerWindow: 10,
} as const satisfies RetryBudgetOptions;

/** Every option of {@link RetryBudgetOptions}: any other key is refused. */
const retryBudgetOptionKeys = optionKeys<RetryBudgetOptions>({
  ratio: true,
  windowMs: true,
  minRetriesPerWindow: true,
  clock: true,
});

/** What a retry policy calls on its budget: an object given as `budget` must have these. */
export const retryBudgetMethods = [
  'recordCall',
  'tryRetry',
] as const satisfies readonly (keyof RetryBudget)[];

/**
 * A retry budget shared by many retry policies (gRPC and Finagle style): retries over the last
 * `windowMs` may not exceed `minRetriesPerWindow + ratio * calls`. During an outage every call
 * fails, so without a budget every caller retries and multiplies the load; with it the fleet
 * adds at most `ratio` extra load.
 */
export class RetryBudget {
  private readonly ratio: number;
  private readonly minRetriesPerWindow: number;
  private readonly calls: SlidingWindowCounter;
  private readonly retries: SlidingWindowCounter;

  constructor(options: RetryBudgetOptions = {}) {
    assertOptions('', options, retryBudgetOptionKeys);
    const {
      ratio = defaultRetryBudgetOptions.ratio,
      windowMs = defaultRetryBudgetOptions.windowMs,
      minRetriesPerWindow = defaultRetryBudgetOptions.minRetriesPerWindow,
      clock = systemClock,
    } = options;
    assertClock('clock', clock);
    assertNumber('ratio', ratio, { min: 0 });
    assertNumber('windowMs', windowMs, { min: 1 });
    assertNumber('minRetriesPerWindow', minRetriesPerWindow, { min: 0, integer: true });
    this.ratio = ratio;
    this.minRetriesPerWindow = minRetriesPerWindow;
    this.calls = new SlidingWindowCounter(windowMs, 10, clock);
    this.retries = new SlidingWindowCounter(windowMs, 10, clock);
  }

  /** Records a first call (not a retry); each one earns `ratio` of a retry. */
  recordCall(): void {
    this.calls.add();
  }

  /** Spends one retry if the budget allows it; false means do not retry. */
  tryRetry(): boolean {
    if (this.availableRetries < 1) return false;
    this.retries.add();
    return true;
  }

  /** Retries the budget would allow right now. */
  get availableRetries(): number {
    const allowed = this.minRetriesPerWindow + this.ratio * this.calls.total();
    return Math.max(0, Math.floor(allowed - this.retries.total()));
  }
}
