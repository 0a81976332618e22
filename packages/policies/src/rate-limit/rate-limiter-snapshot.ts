import type { RefillMode } from './token-bucket';

/**
 * Plain-object state of one bucket; `null` stands for `Infinity`, which JSON cannot hold.
 * Fields marked optional are missing from snapshots of older versions.
 */
export interface TokenBucketSnapshot {
  readonly capacity: number | null;
  /** The window the capacity refers to (missing: the limiter's `windowMs`). */
  readonly windowMs?: number;
  readonly ratePerMs: number | null;
  readonly level: number | null;
  readonly updatedAt: number;
  /** How the bucket refills between reports (missing: `'continuous'`). */
  readonly refillMode?: RefillMode;
  /** Continuous: the refill rate until `slowUntil`. */
  readonly slowRatePerMs: number;
  /** Epoch milliseconds when the bucket is whole again (0: none pending). */
  readonly slowUntil: number;
  /** Taken since the server last reported (missing: 0). */
  readonly takenSinceObservation?: number;
  /** At reset: whether `slowUntil` came from the server (missing: false). */
  readonly resetReported?: boolean;
  /** Fixed window: the reported end of the last window that closed (missing: 0). */
  readonly lastResetAt?: number;
}

/** Plain-object state of a rate limiter, safe to serialise as JSON. */
export interface RateLimiterSnapshot {
  readonly requests: TokenBucketSnapshot;
  readonly tokens: TokenBucketSnapshot;
  /** Epoch milliseconds until which the limiter grants nothing. */
  readonly pausedUntil: number;
  /**
   * Epoch milliseconds when the last permit a fleet granted ahead may be used (missing: none
   * due). Until then what calls give back is not given back (see `RateLimitBuckets.refund`).
   */
  readonly grantedAheadUntil?: number;
}
