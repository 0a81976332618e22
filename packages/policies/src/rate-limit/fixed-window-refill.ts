import type { TokenBucket } from './token-bucket';

/**
 * A fixed window opens with the first take while none is open and lasts `windowMs`, unless the
 * server reports its own end; at that end the bucket is whole again, all at once.
 */
export function openWindow(bucket: TokenBucket, now: number): void {
  if (bucket.resetAt > now) return;
  bucket.resetAt = now + bucket.windowMs;
  bucket.resetReported = false;
}

/** Nothing flows back inside a window; at its end the bucket is whole. */
export function refillFixed(bucket: TokenBucket, now: number): void {
  if (bucket.resetAt === 0 || now < bucket.resetAt) return;
  bucket.level = bucket.capacity;
  // Only a reported end is worth remembering: late reports of that window will name it.
  bucket.lastResetAt = bucket.resetReported ? bucket.resetAt : 0;
  bucket.resetAt = 0;
}

/** Milliseconds until a fixed window's level reaches `amount`: whole windows only. */
export function msUntilLevelFixed(bucket: TokenBucket, amount: number, now: number): number {
  const untilReset = bucket.resetAt > now ? bucket.resetAt - now : 0;
  const level = untilReset > 0 ? bucket.capacity : bucket.level;
  if (amount - level <= 1e-9) return untilReset;
  return untilReset + Math.ceil((amount - level) / bucket.capacity - 1e-9) * bucket.windowMs;
}

/**
 * Folds a report into a fixed window. Reports whose resets lie within half a window of each
 * other are of the same window. Of the window open now, the earliest reported reset is kept:
 * each response arrives some time after the server counted it, so the earliest is the closest.
 * A late report of a window that has already closed is ignored. A report of a window unknown
 * here (opened by another process, or by requests this bucket no longer waits for) rules.
 */
export function observeFixed(
  bucket: TokenBucket,
  remaining: number,
  resetAt: number | undefined,
  now: number,
): void {
  const sameWindowAs = (end: number) =>
    resetAt !== undefined && end > 0 && Math.abs(resetAt - end) <= bucket.windowMs / 2;
  if (sameWindowAs(bucket.lastResetAt)) return;
  if (remaining < bucket.level) bucket.level = remaining;
  if (resetAt === undefined) {
    if (bucket.level < bucket.capacity) openWindow(bucket, now);
    return;
  }
  if (remaining >= bucket.capacity) return;
  const keepEarlier = bucket.resetReported && sameWindowAs(bucket.resetAt);
  bucket.resetAt = keepEarlier ? Math.min(bucket.resetAt, resetAt) : resetAt;
  bucket.resetReported = true;
}
