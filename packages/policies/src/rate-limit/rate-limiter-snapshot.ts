/** Plain-object state of one bucket; `null` stands for `Infinity`, which JSON cannot hold. */
export interface TokenBucketSnapshot {
  readonly capacity: number | null;
  readonly ratePerMs: number | null;
  readonly level: number | null;
  readonly updatedAt: number;
  readonly slowRatePerMs: number;
  readonly slowUntil: number;
  /** Taken since the server last reported (older snapshots lack it: 0). */
  readonly takenSinceObservation?: number;
}

/** Plain-object state of a rate limiter, safe to serialise as JSON. */
export interface RateLimiterSnapshot {
  readonly requests: TokenBucketSnapshot;
  readonly tokens: TokenBucketSnapshot;
  /** Epoch milliseconds until which the limiter grants nothing. */
  readonly pausedUntil: number;
}
