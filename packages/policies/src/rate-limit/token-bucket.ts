import { msUntilLevelContinuous, observeContinuous, refillContinuous } from './continuous-refill';
import { msUntilLevelAtReset, observeAtReset, openWindow, refillAtReset } from './reset-refill';
import type { RateLimitWindowObservation, RefillMode, TokenBucket } from './token-bucket-state';

export type {
  RateLimitWindowObservation,
  RefillMode,
  TokenBucket,
  WindowKind,
} from './token-bucket-state';

/** A full bucket; `capacity` of `Infinity` never limits. */
export function createBucket(
  capacity: number,
  windowMs: number,
  now: number,
  refillMode: RefillMode,
): TokenBucket {
  return {
    capacity,
    windowMs,
    ratePerMs: capacity / windowMs,
    level: capacity,
    updatedAt: now,
    refillMode,
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
  if (refillsAtReset(bucket) && amount > 0) openWindow(bucket, now);
}

/** Gives `amount` back (or, when negative, takes it), never above the capacity. */
export function giveBack(bucket: TokenBucket, amount: number, now: number): void {
  bucket.level = Math.min(bucket.capacity, bucket.level + amount);
  if (refillsAtReset(bucket) && bucket.level < bucket.capacity) openWindow(bucket, now);
}

/** Brings the level up to `now`. */
export function refill(bucket: TokenBucket, now: number): void {
  if (now <= bucket.updatedAt || bucket.capacity === Infinity) return;
  if (refillsAtReset(bucket)) refillAtReset(bucket, now);
  else refillContinuous(bucket, now);
  bucket.updatedAt = now;
}

/** Milliseconds until `level` reaches `amount`, assuming `refill(bucket, now)` was just called. */
export function msUntilLevel(bucket: TokenBucket, amount: number, now: number): number {
  if (amount - bucket.level <= 1e-9) return 0;
  return refillsAtReset(bucket)
    ? msUntilLevelAtReset(bucket, amount, now)
    : msUntilLevelContinuous(bucket, amount, now);
}

/**
 * Switches a bucket to refilling at resets only (`at-reset` or `fixed-window`): nothing flows
 * back before the reset in force. Never goes back from `fixed-window` to `at-reset`.
 */
export function refillAtResetsFromNowOn(
  bucket: TokenBucket,
  mode: Exclude<RefillMode, 'continuous'>,
  now: number,
): void {
  if (bucket.refillMode === mode || bucket.refillMode === 'fixed-window') return;
  refill(bucket, now);
  if (bucket.refillMode === 'continuous') bucket.resetReported = bucket.resetAt > 0;
  bucket.refillMode = mode;
  bucket.slowRatePerMs = 0;
  if (bucket.level < bucket.capacity) openWindow(bucket, now);
}

/** Whether the bucket refills only at resets (`at-reset`, `fixed-window`). */
function refillsAtReset(bucket: TokenBucket): boolean {
  return bucket.refillMode !== 'continuous';
}

/**
 * Corrects the bucket from what the server reported: an inferred `windowMs` replaces the
 * window and the rate, a lower `limit` lowers the capacity (a
 * limit reported while none was configured is adopted), a `remaining` below the local level
 * lowers the level, and `resetMs` tells when the bucket is whole again, read as the bucket's
 * {@link RefillMode} says.
 */
export function observeWindow(
  bucket: TokenBucket,
  window: RateLimitWindowObservation,
  now: number,
): void {
  refill(bucket, now);
  const { limit, remaining, resetMs, windowMs } = window;
  if (typeof windowMs === 'number' && Number.isFinite(windowMs) && windowMs > 0) {
    if (windowMs !== bucket.windowMs) {
      bucket.windowMs = windowMs;
      bucket.ratePerMs = bucket.capacity / bucket.windowMs;
    }
  }
  if (isCount(limit) && limit > 0 && limit < bucket.capacity) {
    bucket.capacity = limit;
    bucket.ratePerMs = limit / bucket.windowMs;
    bucket.level = Math.min(bucket.level, limit);
  }
  if (!isCount(remaining) || bucket.capacity === Infinity) return;
  const reset = isCount(resetMs) && resetMs > 0 ? { resetMs, resetAt: now + resetMs } : undefined;
  if (refillsAtReset(bucket)) observeAtReset(bucket, remaining, reset?.resetAt, now);
  else observeContinuous(bucket, remaining, reset);
}

function isCount(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
