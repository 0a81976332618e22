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
  /** When the server said its window is whole again (0: no such word in force). */
  slowUntil: number;
  /** Taken since the server last reported, which its next window may still count. */
  takenSinceObservation: number;
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
    takenSinceObservation: 0,
  };
}

/** Takes `amount` from the bucket (the level may go below zero). */
export function take(bucket: TokenBucket, amount: number): void {
  bucket.level -= amount;
  bucket.takenSinceObservation += amount;
}

/**
 * Adds what flowed in since the last update, up to the capacity: the server-implied rate until
 * `slowUntil`, where the bucket is whole again less what was taken since the server reported
 * (a fixed window refills at once; a continuous one has dripped full by then), then the
 * configured rate.
 */
export function refill(bucket: TokenBucket, now: number): void {
  if (now <= bucket.updatedAt || bucket.capacity === Infinity) return;
  const { updatedAt, slowUntil } = bucket;
  let from = updatedAt;
  if (slowUntil > updatedAt) {
    const slowEnd = Math.min(now, slowUntil);
    bucket.level = Math.min(
      bucket.capacity,
      bucket.level + (slowEnd - updatedAt) * bucket.slowRatePerMs,
    );
    if (now < slowUntil) {
      bucket.updatedAt = now;
      return;
    }
    bucket.level = Math.max(bucket.level, wholeAgain(bucket));
    bucket.slowUntil = 0;
    from = slowUntil;
  }
  bucket.level = Math.min(bucket.capacity, bucket.level + (now - from) * bucket.ratePerMs);
  bucket.updatedAt = now;
}

/** Milliseconds until `level` reaches `amount`, assuming `refill(bucket, now)` was just called. */
export function msUntilLevel(bucket: TokenBucket, amount: number, now: number): number {
  if (amount - bucket.level <= 1e-9) return 0;
  let level = bucket.level;
  let elapsed = 0;
  if (bucket.slowUntil > now) {
    const slowSpan = bucket.slowUntil - now;
    if (bucket.slowRatePerMs > 0 && level + slowSpan * bucket.slowRatePerMs >= amount) {
      return (amount - level) / bucket.slowRatePerMs;
    }
    level = Math.max(
      Math.min(bucket.capacity, level + slowSpan * bucket.slowRatePerMs),
      wholeAgain(bucket),
    );
    if (amount - level <= 1e-9) return slowSpan;
    elapsed = slowSpan;
  }
  return elapsed + (amount - level) / bucket.ratePerMs;
}

function wholeAgain(bucket: TokenBucket): number {
  return bucket.capacity - bucket.takenSinceObservation;
}

/**
 * Corrects the bucket from what the server reported: a lower `limit` lowers the capacity, a
 * `remaining` below the local level lowers the level, and `resetMs` sets the refill until that
 * reset: no faster than the server implies, and whole again at the reset itself, which serves
 * fixed windows (refilled at once) and continuous ones (dripped full by then) alike.
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
  bucket.takenSinceObservation = 0;
  if (!isCount(resetMs) || resetMs <= 0 || bucket.capacity === Infinity) return;
  // The latest word wins: until its reset, refill no faster than the server implies (and no
  // faster than configured); at the reset, the server said, its window is whole again.
  bucket.slowRatePerMs = Math.min(bucket.ratePerMs, (bucket.capacity - remaining) / resetMs);
  bucket.slowUntil = remaining < bucket.capacity ? now + resetMs : 0;
}

function isCount(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
