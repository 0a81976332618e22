import type { RateLimitWindowObservation } from './token-bucket';

// Reset headers are rounded (Anthropic's timestamps to the second): a reset this share of a
// window shorter than a continuous bucket's is still taken as the continuous one.
const resetTolerance = 0.02;

/**
 * Whether a 429's report of a window shows a fixed window. A continuous bucket that refused a
 * request holds less than one more than `remaining`, so it is whole again no sooner than
 * `(limit - remaining - 1) / limit` of a window later; a reset that comes sooner is a window
 * ending, not a bucket dripping full. `capacity` stands in for a limit the report lacks.
 */
export function showsFixedWindow(
  report: RateLimitWindowObservation | undefined,
  capacity: number,
  windowMs: number,
): boolean {
  const limit = report?.limit ?? capacity;
  const { remaining, resetMs } = report ?? {};
  if (!Number.isFinite(limit) || limit <= 0 || remaining === undefined || resetMs === undefined)
    return false;
  const continuousResetMs = ((limit - remaining - 1) / limit) * windowMs;
  return resetMs < continuousResetMs - resetTolerance * windowMs;
}
