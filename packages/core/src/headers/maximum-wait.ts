/**
 * The longest wait, reset or duration a header may announce: one year, in milliseconds.
 *
 * Anything longer is almost surely a misread value (an epoch timestamp sent where seconds
 * were expected, a unit mix-up), and treating it as real would park a target for ever, so
 * parsers report such values as unknown instead.
 */
export const maximumWaitMs = 365 * 24 * 60 * 60 * 1000;

/** True for a finite, non-negative number of milliseconds no longer than {@link maximumWaitMs}. */
export function isAcceptableWaitMs(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= maximumWaitMs;
}
