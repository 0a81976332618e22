import type { TokenBucket } from './token-bucket-state';

/**
 * Adds what dripped in since the last update, up to the capacity: the server-implied rate until
 * `resetAt`, where the bucket has dripped full less what was taken since the server reported,
 * then the configured rate.
 */
export function refillContinuous(bucket: TokenBucket, now: number): void {
  let from = bucket.updatedAt;
  if (bucket.resetAt > from) {
    const slowEnd = Math.min(now, bucket.resetAt);
    bucket.level = Math.min(
      bucket.capacity,
      bucket.level + (slowEnd - from) * bucket.slowRatePerMs,
    );
    if (now < bucket.resetAt) return;
    bucket.level = Math.max(bucket.level, fullLessTaken(bucket));
    from = bucket.resetAt;
    bucket.resetAt = 0;
  }
  bucket.level = Math.min(bucket.capacity, bucket.level + (now - from) * bucket.ratePerMs);
}

/** Milliseconds until a continuous bucket's level reaches `amount`. */
export function msUntilLevelContinuous(bucket: TokenBucket, amount: number, now: number): number {
  let level = bucket.level;
  let elapsed = 0;
  if (bucket.resetAt > now) {
    const slowSpan = bucket.resetAt - now;
    if (bucket.slowRatePerMs > 0 && level + slowSpan * bucket.slowRatePerMs >= amount) {
      return (amount - level) / bucket.slowRatePerMs;
    }
    level = Math.max(
      Math.min(bucket.capacity, level + slowSpan * bucket.slowRatePerMs),
      fullLessTaken(bucket),
    );
    if (amount - level <= 1e-9) return slowSpan;
    elapsed = slowSpan;
  }
  return elapsed + (amount - level) / bucket.ratePerMs;
}

/**
 * The latest report rules: until its reset, refill no faster than the server implies
 * (`(capacity - remaining) / resetMs`) nor than configured; at the reset, full again less what
 * was taken since the report. A continuous server's time until full only grows with each
 * request it admits, so a report whose reset comes before the pending one was made for a
 * request admitted earlier and arrived late: only a lower `remaining` of it counts, the pending
 * reset and what was taken since stand (forgetting those would let a burst out at the earlier
 * reset that the server has not refilled for). A report with more remaining than the bucket
 * holds was made before the server counted what the bucket has given out since: that
 * difference counts as taken since the report ({@link uncountedTakes}).
 */
export function observeContinuous(
  bucket: TokenBucket,
  remaining: number,
  reset: { resetMs: number; resetAt: number } | undefined,
): void {
  const uncounted = uncountedTakes(bucket, remaining);
  if (remaining < bucket.level) bucket.level = remaining;
  if (reset && reset.resetAt < bucket.resetAt) return;
  bucket.takenSinceObservation = uncounted;
  if (!reset) return;
  bucket.slowRatePerMs = Math.min(bucket.ratePerMs, (bucket.capacity - remaining) / reset.resetMs);
  bucket.resetAt = remaining < bucket.capacity ? reset.resetAt : 0;
}

function fullLessTaken(bucket: TokenBucket): number {
  return bucket.capacity - bucket.takenSinceObservation;
}

/**
 * What the bucket gave out that a report of `remaining` has not counted yet: as much as the
 * report shows more than the bucket holds (a report made before requests granted earlier
 * reached the server), 0 when it shows no more. Counted as taken since the report, so that the
 * bucket is not whole again at the report's reset while the server still counts them.
 */
function uncountedTakes(bucket: TokenBucket, remaining: number): number {
  return Math.max(0, remaining - bucket.level);
}
