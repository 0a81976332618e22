import type { FailureCounterState } from './failure-counter';

/** Where a circuit stands: `closed` lets calls through, `open` refuses them, `half-open` lets probes through. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Plain-object state of a breaker, safe to serialise as JSON (see `snapshot()` / `restore()`). */
export interface CircuitBreakerSnapshot {
  /** The state when the snapshot was taken. */
  readonly state: CircuitState;
  /** Epoch milliseconds at which the circuit last opened; `null` when closed. */
  readonly openedAt: number | null;
  /** How long this opening lasts before half-open, in milliseconds. */
  readonly openForMs: number;
  /** Openings in a row without a close between them (drives the growth of `openForMs`). */
  readonly reopenCount: number;
  /** The failure counter's state. */
  readonly counter: FailureCounterState;
}
