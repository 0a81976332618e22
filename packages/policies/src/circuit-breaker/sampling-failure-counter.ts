import type { Clock } from '../time/clock';
import { SlidingWindowCounter } from '../window/sliding-window-counter';
import type { FailureCounter, FailureCounterState } from './failure-counter';

/**
 * Opens the circuit when the share of failures over the last `windowMs` reaches `threshold`,
 * once at least `minimumThroughput` calls were seen in that window, so that two failures out
 * of three calls at night do not open it (after cockatiel's SamplingBreaker, with a clock).
 */
export class SamplingFailureCounter implements FailureCounter {
  private readonly successes: SlidingWindowCounter;
  private readonly failures: SlidingWindowCounter;

  constructor(
    private readonly threshold: number,
    windowMs: number,
    private readonly minimumThroughput: number,
    clock: Clock,
  ) {
    // About one slice per second as in cockatiel, but no fewer than 5 nor more than 60.
    const buckets = Math.max(5, Math.min(60, Math.ceil(windowMs / 1000)));
    this.successes = new SlidingWindowCounter(windowMs, buckets, clock);
    this.failures = new SlidingWindowCounter(windowMs, buckets, clock);
  }

  success(): void {
    this.successes.add();
  }

  failure(): boolean {
    this.failures.add();
    const failures = this.failures.total();
    const total = failures + this.successes.total();
    return total >= this.minimumThroughput && failures >= this.threshold * total;
  }

  reset(): void {
    this.successes.clear();
    this.failures.clear();
  }

  snapshot(): FailureCounterState {
    return {
      kind: 'sampling',
      successes: this.successes.snapshot(),
      failures: this.failures.snapshot(),
    };
  }

  restore(state: FailureCounterState): void {
    if (state.kind !== 'sampling') return;
    this.successes.restore(state.successes);
    this.failures.restore(state.failures);
  }
}
