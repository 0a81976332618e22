/** Window state as a provider reports it in rate-limit headers. */
export interface RateLimitWindowObservation {
  /** The maximum allowed in the window. */
  readonly limit?: number;
  /** What is left now. */
  readonly remaining?: number;
  /** Milliseconds until the window is whole again. */
  readonly resetMs?: number;
}

/**
 * One dimension of a rate limiter (requests or tokens): a bucket of `capacity` that refills
 * continuously at `capacity / windowMs`, as OpenAI and Anthropic describe their own limits.
 * `level` may go below zero when a call used more than it reserved: later calls wait it off.
 */
export interface TokenBucket {
  capacity: number;
  ratePerMs: number;
  level: number;
  updatedAt: number;
  /** A slower refill rate the server implied, in force until `slowUntil`. */
  slowRatePerMs: number;
  slowUntil: number;
}

/** A full bucket; `capacity` of `Infinity` never limits. */
export function createBucket(capacity: number, windowMs: number, now: number): TokenBucket {
  return {
    capacity,
    ratePerMs: capacity / windowMs,
    level: capacity,
    updatedAt: now,
    slowRatePerMs: 0,
    slowUntil: 0,
  };
}

/** Adds what flowed in since the last update, up to the capacity. */
export function refill(bucket: TokenBucket, now: number): void {
  if (now <= bucket.updatedAt || bucket.capacity === Infinity) return;
  const { updatedAt, slowUntil } = bucket;
  let gained = 0;
  if (slowUntil > updatedAt)
    gained += (Math.min(now, slowUntil) - updatedAt) * bucket.slowRatePerMs;
  const normalFrom = Math.max(updatedAt, slowUntil);
  if (now > normalFrom) gained += (now - normalFrom) * bucket.ratePerMs;
  bucket.level = Math.min(bucket.capacity, bucket.level + gained);
  bucket.updatedAt = now;
}

/** Milliseconds until `level` reaches `amount`, assuming `refill(bucket, now)` was just called. */
export function msUntilLevel(bucket: TokenBucket, amount: number, now: number): number {
  let deficit = amount - bucket.level;
  if (deficit <= 1e-9) return 0;
  let elapsed = 0;
  if (bucket.slowUntil > now) {
    const slowSpan = bucket.slowUntil - now;
    const slowGain = slowSpan * bucket.slowRatePerMs;
    if (slowGain >= deficit) return deficit / bucket.slowRatePerMs;
    deficit -= slowGain;
    elapsed = slowSpan;
  }
  return elapsed + deficit / bucket.ratePerMs;
}

/**
 * Corrects the bucket from what the server reported: a lower `limit` lowers the capacity, a
 * `remaining` below the local level lowers the level, and a `resetMs` implying a slower refill
 * than ours slows the refill until that reset. Never raises anything.
 */
export function observeWindow(
  bucket: TokenBucket,
  window: RateLimitWindowObservation,
  windowMs: number,
  now: number,
): void {
  refill(bucket, now);
  const { limit, remaining, resetMs } = window;
  if (isCount(limit) && limit > 0 && limit < bucket.capacity) {
    bucket.capacity = limit;
    bucket.ratePerMs = limit / windowMs;
    bucket.level = Math.min(bucket.level, limit);
  }
  if (!isCount(remaining)) return;
  if (remaining < bucket.level) bucket.level = remaining;
  if (
    isCount(resetMs) &&
    resetMs > 0 &&
    remaining < bucket.capacity &&
    bucket.capacity !== Infinity
  ) {
    const serverRatePerMs = (bucket.capacity - remaining) / resetMs;
    if (serverRatePerMs < bucket.ratePerMs) {
      bucket.slowRatePerMs = serverRatePerMs;
      bucket.slowUntil = now + resetMs;
    }
  }
}

function isCount(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
