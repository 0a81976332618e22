import type { CircuitState } from './circuit-breaker-snapshot';

/** Emitted when the circuit opens. */
export interface BreakEvent {
  /** The failure that opened it (`undefined` when opened by `restore`). */
  readonly error: unknown;
  /** How long it stays open before letting probes through, in milliseconds. */
  readonly retryAfterMs: number;
  /**
   * Shared mode: true when the fleet's breaker opened it (another process's failures, or one
   * opened before this process started); absent when this breaker's own failures did.
   */
  readonly byFleet?: true;
}

/** Emitted on every change of state. */
export interface StateChangeEvent {
  readonly from: CircuitState;
  readonly to: CircuitState;
}
