/**
 * The state of a {@link StoreBreaker}: counting failures in a row, open until a time, or
 * waiting for the one probe let through after the cool-down.
 */
export type StoreBreakerState =
  | { readonly kind: 'closed'; readonly failures: number }
  | { readonly kind: 'open'; readonly until: number }
  | { readonly kind: 'half-open' };

/** What one store operation may do: run, run as the probe of a half-open breaker, or not run. */
export type StoreAdmission = 'call' | 'probe' | 'skip';

/** Settings of a {@link StoreBreaker}. */
export interface StoreBreakerSettings {
  /** Failures or timeouts in a row that open the breaker. */
  readonly failureThreshold: number;
  /** How long an open breaker skips the store before one probe, in ms. */
  readonly cooldownMs: number;
}

/**
 * Skips a store that keeps failing: after `failureThreshold` failures or timeouts in a row,
 * every operation is skipped for `cooldownMs` (no call waits for a dead store); then one
 * operation probes the store, and its success closes the breaker while its failure opens it
 * again. Outcomes of operations admitted before a change of state do not count.
 */
export class StoreBreaker {
  private state: StoreBreakerState = { kind: 'closed', failures: 0 };

  constructor(
    private readonly settings: StoreBreakerSettings,
    private readonly onChange: (state: StoreBreakerState['kind']) => void,
  ) {}

  /** Whether an operation starting at `now` may reach the store. */
  admit(now: number): StoreAdmission {
    switch (this.state.kind) {
      case 'closed':
        return 'call';
      case 'half-open':
        return 'skip';
      case 'open':
        if (now < this.state.until) return 'skip';
        this.moveTo({ kind: 'half-open' });
        return 'probe';
    }
  }

  /** Records how an admitted operation went. */
  record(admission: Exclude<StoreAdmission, 'skip'>, succeeded: boolean, now: number): void {
    const { state } = this;
    if (admission === 'probe') {
      if (state.kind !== 'half-open') return;
      this.moveTo(succeeded ? { kind: 'closed', failures: 0 } : this.opened(now));
      return;
    }
    if (state.kind !== 'closed') return;
    if (succeeded) {
      if (state.failures > 0) this.state = { kind: 'closed', failures: 0 };
      return;
    }
    const failures = state.failures + 1;
    if (failures >= this.settings.failureThreshold) this.moveTo(this.opened(now));
    else this.state = { kind: 'closed', failures };
  }

  private opened(now: number): StoreBreakerState {
    return { kind: 'open', until: now + this.settings.cooldownMs };
  }

  private moveTo(state: StoreBreakerState): void {
    this.state = state;
    this.onChange(state.kind);
  }
}
