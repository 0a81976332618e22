import type { TokenBucketSnapshot } from './rate-limiter-snapshot';
import type { TokenBucket } from './token-bucket';

/** A bucket as JSON-safe data (`Infinity` as `null`). */
export function toBucketSnapshot(bucket: TokenBucket): TokenBucketSnapshot {
  return {
    capacity: infinityToNull(bucket.capacity),
    ratePerMs: infinityToNull(bucket.ratePerMs),
    level: infinityToNull(bucket.level),
    updatedAt: bucket.updatedAt,
    slowRatePerMs: bucket.slowRatePerMs,
    slowUntil: bucket.slowUntil,
    takenSinceObservation: bucket.takenSinceObservation,
  };
}

/** The bucket a {@link toBucketSnapshot} result describes. */
export function fromBucketSnapshot(snapshot: TokenBucketSnapshot): TokenBucket {
  return {
    capacity: snapshot.capacity ?? Infinity,
    ratePerMs: snapshot.ratePerMs ?? Infinity,
    level: snapshot.level ?? Infinity,
    updatedAt: snapshot.updatedAt,
    slowRatePerMs: snapshot.slowRatePerMs,
    slowUntil: snapshot.slowUntil,
    takenSinceObservation: snapshot.takenSinceObservation ?? 0,
  };
}

function infinityToNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
