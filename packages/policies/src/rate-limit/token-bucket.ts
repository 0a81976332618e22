import { msUntilLevelContinuous, observeContinuous, refillContinuous } from './continuous-refill';
import { msUntilLevelFixed, observeFixed, openWindow, refillFixed } from './fixed-window-refill';

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
 * How a server gives back what was used: `continuous` drips it back at the limit's rate (the
 * token buckets OpenAI and Anthropic describe); `fixed` gives nothing back until the window ends
 * and everything then (gateways and proxies counting per fixed window).
 */
export type WindowKind = 'continuous' | 'fixed';

/**
 * One dimension of a rate limiter (requests or tokens): `capacity` per `windowMs`, refilled as
 * its {@link WindowKind} says and corrected by what the server reports. `level` may go below
 * zero when a call used more than it reserved: later calls wait it off.
 */
export interface TokenBucket {
  capacity: number;
  readonly windowMs: number;
  /** `capacity / windowMs`. */
  ratePerMs: number;
  level: number;
  updatedAt: number;
  windowKind: WindowKind;
  /** When the bucket is whole again: the server's reported reset, or the end of the open fixed window (0: none pending). */
  resetAt: number;
  /** Continuous: the refill rate until `resetAt`, no faster than the server implied. */
  slowRatePerMs: number;
  /** Continuous: taken since the server last reported, which its reset may still count. */
  takenSinceObservation: number;
  /** Fixed: whether `resetAt` came from the server rather than from the local window. */
  resetReported: boolean;
  /** Fixed: the end of the last window that closed, to recognise late reports of it (0: none). */
  lastResetAt: number;
}

/** A full bucket; `capacity` of `Infinity` never limits. */
export function createBucket(
  capacity: number,
  windowMs: number,
  now: number,
  windowKind: WindowKind,
): TokenBucket {
  return {
    capacity,
    windowMs,
    ratePerMs: capacity / windowMs,
    level: capacity,
    updatedAt: now,
    windowKind,
    resetAt: 0,
    slowRatePerMs: 0,
    takenSinceObservation: 0,
    resetReported: false,
    lastResetAt: 0,
  };
}

/** Takes `amount` from the bucket at `now` (the level may go below zero). */
export function take(bucket: TokenBucket, amount: number, now: number): void {
  bucket.level -= amount;
  bucket.takenSinceObservation += amount;
  if (bucket.windowKind === 'fixed' && amount > 0) openWindow(bucket, now);
}

/** Gives `amount` back (or, when negative, takes it), never above the capacity. */
export function giveBack(bucket: TokenBucket, amount: number, now: number): void {
  bucket.level = Math.min(bucket.capacity, bucket.level + amount);
  if (bucket.windowKind === 'fixed' && bucket.level < bucket.capacity) openWindow(bucket, now);
}

/** Brings the level up to `now`. */
export function refill(bucket: TokenBucket, now: number): void {
  if (now <= bucket.updatedAt || bucket.capacity === Infinity) return;
  if (bucket.windowKind === 'fixed') refillFixed(bucket, now);
  else refillContinuous(bucket, now);
  bucket.updatedAt = now;
}

/** Milliseconds until `level` reaches `amount`, assuming `refill(bucket, now)` was just called. */
export function msUntilLevel(bucket: TokenBucket, amount: number, now: number): number {
  if (amount - bucket.level <= 1e-9) return 0;
  return bucket.windowKind === 'fixed'
    ? msUntilLevelFixed(bucket, amount, now)
    : msUntilLevelContinuous(bucket, amount, now);
}

/**
 * Treats the server's windows as fixed from now on: nothing flows back before the reset in
 * force, and the bucket is whole at it.
 */
export function becomeFixedWindow(bucket: TokenBucket, now: number): void {
  if (bucket.windowKind === 'fixed') return;
  refill(bucket, now);
  bucket.windowKind = 'fixed';
  bucket.slowRatePerMs = 0;
  bucket.resetReported = bucket.resetAt > 0;
  if (bucket.level < bucket.capacity) openWindow(bucket, now);
}

/**
 * Corrects the bucket from what the server reported: a lower `limit` lowers the capacity (a
 * limit reported while none was configured is adopted), a `remaining` below the local level
 * lowers the level, and `resetMs` tells when the bucket is whole again, read as the bucket's
 * {@link WindowKind} says.
 */
export function observeWindow(
  bucket: TokenBucket,
  window: RateLimitWindowObservation,
  now: number,
): void {
  refill(bucket, now);
  const { limit, remaining, resetMs } = window;
  if (isCount(limit) && limit > 0 && limit < bucket.capacity) {
    bucket.capacity = limit;
    bucket.ratePerMs = limit / bucket.windowMs;
    bucket.level = Math.min(bucket.level, limit);
  }
  if (!isCount(remaining) || bucket.capacity === Infinity) return;
  const reset = isCount(resetMs) && resetMs > 0 ? { resetMs, resetAt: now + resetMs } : undefined;
  if (bucket.windowKind === 'fixed') observeFixed(bucket, remaining, reset?.resetAt, now);
  else observeContinuous(bucket, remaining, reset);
}

function isCount(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
