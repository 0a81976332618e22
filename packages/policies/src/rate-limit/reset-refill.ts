import type { TokenBucket } from './token-bucket-state';

/**
 * A window opens with the first take while no reset is pending and lasts `windowMs`, unless the
 * server reports its own reset; nothing flows back before it.
 */
export function openWindow(bucket: TokenBucket, now: number): void {
  if (bucket.resetAt > now) return;
  bucket.resetAt = now + bucket.windowMs;
  bucket.resetReported = false;
}

/** Nothing flows back before the reset; at it the bucket is full again (see {@link levelAtReset}). */
export function refillAtReset(bucket: TokenBucket, now: number): void {
  if (bucket.resetAt === 0 || now < bucket.resetAt) return;
  const resetAt = bucket.resetAt;
  bucket.level = levelAtReset(bucket);
  // Only a reported end of a fixed window is worth remembering: late reports will name it.
  const remembered = bucket.refillMode === 'fixed-window' && bucket.resetReported;
  bucket.lastResetAt = remembered ? resetAt : 0;
  bucket.resetAt = 0;
  // What is still out comes back within a window at the latest.
  if (bucket.level < bucket.capacity) openWindow(bucket, resetAt);
  if (bucket.resetAt <= now) refillAtReset(bucket, now);
}

/** Milliseconds until the level reaches `amount`: whole windows only. */
export function msUntilLevelAtReset(bucket: TokenBucket, amount: number, now: number): number {
  const untilReset = bucket.resetAt > now ? bucket.resetAt - now : 0;
  const level = untilReset > 0 ? levelAtReset(bucket) : bucket.level;
  if (amount - level <= 1e-9) return untilReset;
  return untilReset + Math.ceil((amount - level) / bucket.capacity - 1e-9) * bucket.windowMs;
}

/**
 * The level at the reset. At the end of a window the server never reported on, or of a fixed
 * window, the bucket is whole: what was taken counted in the window that ended. At a reset a
 * server of unknown kind reported, it is full less what was taken since that report, which a
 * continuous server has not yet given back.
 */
function levelAtReset(bucket: TokenBucket): number {
  if (bucket.refillMode === 'fixed-window' || !bucket.resetReported) return bucket.capacity;
  return Math.max(bucket.level, bucket.capacity - bucket.takenSinceObservation);
}

/**
 * Folds a report into a bucket that refills at resets. A report's reset rules when no reported
 * reset is pending or when it is later than the pending one: a continuous server's
 * time-to-full only grows with each request it admits, so an earlier one comes from a request
 * admitted before, whose report arrived late. For a server known to count fixed windows
 * (`fixed-window`), reports whose resets lie within half a window of each other are of one
 * window: of the window open now the earliest reported reset is kept (each response arrives
 * some time after the server counted it, so the earliest is the closest), and a late report of
 * a window that has already closed is ignored.
 */
export function observeAtReset(
  bucket: TokenBucket,
  remaining: number,
  resetAt: number | undefined,
  now: number,
): void {
  const fixedWindow = bucket.refillMode === 'fixed-window';
  const sameWindowAs = (end: number) =>
    resetAt !== undefined && end > 0 && Math.abs(resetAt - end) <= bucket.windowMs / 2;
  if (fixedWindow && sameWindowAs(bucket.lastResetAt)) return;
  if (remaining < bucket.level) bucket.level = remaining;
  if (resetAt === undefined) {
    if (bucket.level < bucket.capacity) openWindow(bucket, now);
    return;
  }
  if (remaining >= bucket.capacity) return;
  if (bucket.resetReported && fixedWindow && sameWindowAs(bucket.resetAt)) {
    bucket.resetAt = Math.min(bucket.resetAt, resetAt);
    return;
  }
  if (bucket.resetReported && resetAt < bucket.resetAt) return;
  bucket.resetAt = resetAt;
  bucket.resetReported = true;
  bucket.takenSinceObservation = 0;
}
