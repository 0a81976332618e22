/**
 * The longest delay `setTimeout` honours: hosts store it in 32 bits and fire after 1 ms on
 * overflow, so `startTimer` serves a longer wait as a chain of timers no longer than this.
 */
export const maxTimerDelayMs = 2_147_483_647;

/** True when one host timer of `delayMs` can be set: finite and within {@link maxTimerDelayMs}. */
export function isTimerDelay(delayMs: number): boolean {
  return delayMs <= maxTimerDelayMs;
}
