import type { CircuitState } from './circuit-breaker-snapshot';

/** Emitted when the circuit opens. */
export interface BreakEvent {
  /** The failure that opened it (`undefined` when opened by `restore`). */
  readonly error: unknown;
  /** How long it stays open before letting probes through, in milliseconds. */
  readonly retryAfterMs: number;
}

/** Emitted on every change of state. */
export interface StateChangeEvent {
  readonly from: CircuitState;
  readonly to: CircuitState;
}
