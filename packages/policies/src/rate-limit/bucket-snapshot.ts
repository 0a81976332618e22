import type { TokenBucketSnapshot } from './rate-limiter-snapshot';
import type { TokenBucket } from './token-bucket';

/** A bucket as JSON-safe data (`Infinity` as `null`). */
export function toBucketSnapshot(bucket: TokenBucket): TokenBucketSnapshot {
  return {
    capacity: infinityToNull(bucket.capacity),
    windowMs: bucket.windowMs,
    ratePerMs: infinityToNull(bucket.ratePerMs),
    level: infinityToNull(bucket.level),
    updatedAt: bucket.updatedAt,
    refillMode: bucket.refillMode,
    slowRatePerMs: bucket.slowRatePerMs,
    slowUntil: bucket.resetAt,
    takenSinceObservation: bucket.takenSinceObservation,
    resetReported: bucket.resetReported,
    lastResetAt: bucket.lastResetAt,
  };
}

/**
 * The bucket a {@link toBucketSnapshot} result describes; fields that older snapshots lack
 * take the values of a bucket that has learned nothing yet.
 */
export function fromBucketSnapshot(snapshot: TokenBucketSnapshot, windowMs: number): TokenBucket {
  return {
    capacity: snapshot.capacity ?? Infinity,
    windowMs: snapshot.windowMs ?? windowMs,
    ratePerMs: snapshot.ratePerMs ?? Infinity,
    level: snapshot.level ?? Infinity,
    updatedAt: snapshot.updatedAt,
    refillMode: snapshot.refillMode ?? 'continuous',
    resetAt: snapshot.slowUntil,
    slowRatePerMs: snapshot.slowRatePerMs,
    takenSinceObservation: snapshot.takenSinceObservation ?? 0,
    resetReported: snapshot.resetReported ?? false,
    lastResetAt: snapshot.lastResetAt ?? 0,
  };
}

function infinityToNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
