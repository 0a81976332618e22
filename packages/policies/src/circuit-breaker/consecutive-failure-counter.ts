import type { FailureCounter, FailureCounterState } from './failure-counter';

/** Opens the circuit after `threshold` failures in a row (cockatiel's ConsecutiveBreaker). */
export class ConsecutiveFailureCounter implements FailureCounter {
  private failures = 0;

  constructor(private readonly threshold: number) {}

  success(): void {
    this.failures = 0;
  }

  failure(): boolean {
    return ++this.failures >= this.threshold;
  }

  reset(): void {
    this.failures = 0;
  }

  snapshot(): FailureCounterState {
    return { kind: 'consecutive', failures: this.failures };
  }

  restore(state: FailureCounterState): void {
    if (state.kind === 'consecutive') this.failures = state.failures;
  }
}
