/**
 * The longest delay `setTimeout` honours: hosts store it in 32 bits and fire at once on
 * overflow, so a longer wait must be capped or treated as "never".
 */
export const maxTimerDelayMs = 2_147_483_647;

/** True when a timer of `delayMs` can be set: finite and within {@link maxTimerDelayMs}. */
export function isTimerDelay(delayMs: number): boolean {
  return delayMs <= maxTimerDelayMs;
}
