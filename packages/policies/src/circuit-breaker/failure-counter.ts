import type { SlidingWindowCounterState } from '../window/sliding-window-counter';

/** Plain-object state of a {@link FailureCounter}. */
export type FailureCounterState =
  | { readonly kind: 'consecutive'; readonly failures: number }
  | {
      readonly kind: 'sampling';
      readonly successes: SlidingWindowCounterState;
      readonly failures: SlidingWindowCounterState;
    };

/** Decides, from the outcomes of closed-circuit calls, when the circuit should open. */
export interface FailureCounter {
  /** Records a success. */
  success(): void;
  /** Records a failure; true when the circuit should open. */
  failure(): boolean;
  /** Forgets every outcome (the circuit closed again). */
  reset(): void;
  /** The state as a plain object. */
  snapshot(): FailureCounterState;
  /** Replaces the state; a state of another kind is ignored. */
  restore(state: FailureCounterState): void;
}
