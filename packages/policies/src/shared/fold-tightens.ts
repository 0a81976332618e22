import type { RateLimitBuckets } from '../rate-limit/rate-limit-buckets';
import type { TokenBucketSnapshot } from '../rate-limit/rate-limiter-snapshot';

/** Of a tokens bucket, the share of its capacity a report must take away to count. */
const tokensShareThatCounts = 0.01;

/**
 * How much a report must change a bucket's rate (`capacity / windowMs`), either way, to count:
 * window lengths inferred from consecutive reports wander by a few percent (each response
 * arrives a little after the server counted it); a window learned anew changes the rate many
 * times over.
 */
const rateChangeThatCounts = 0.1;

/**
 * Folds a report into `mirror` (the fleet's state as last answered) with `fold`, and tells
 * whether the fleet must hear it at once: it made the state stricter (a lower capacity, another
 * refill mode, at least one request, or a hundredth of the tokens capacity, less now or
 * later) or taught it a rate a tenth or more away from the one it had (a window learned from
 * the reports, either way). One that does neither, the common case while the fleet paces
 * right (a provider's `remaining` never counts the permits granted but not yet sent), may
 * wait for the next take to ride on.
 */
export function foldTightens(mirror: RateLimitBuckets, fold: () => void): boolean {
  const before = mirror.snapshot();
  fold();
  const after = mirror.snapshot();
  return (
    bucketTightens(before.requests, after.requests, 1) ||
    bucketTightens(
      before.tokens,
      after.tokens,
      tokensShareThatCounts * (after.tokens.capacity ?? 0),
    )
  );
}

/** Whether `after` holds at least `amount` less than `before`, now or at any time later. */
function bucketTightens(
  before: TokenBucketSnapshot,
  after: TokenBucketSnapshot,
  amount: number,
): boolean {
  if (after.capacity === null) return false;
  if (before.capacity === null || after.capacity < before.capacity) return true;
  if (after.refillMode !== before.refillMode || rateChanged(before, after)) return true;
  // Infinite levels come as null: a bucket with a capacity holds a finite level.
  const lost = (before.level ?? Infinity) - (after.level ?? Infinity);
  if (lost >= amount) return true;
  // Refilling slower until a later time: what it lacks by then.
  return refilledBy(before, after.slowUntil) - refilledBy(after, after.slowUntil) >= amount;
}

/** Whether the rate moved by {@link rateChangeThatCounts} or more, either way. */
function rateChanged(before: TokenBucketSnapshot, after: TokenBucketSnapshot): boolean {
  const [was, is] = [before.ratePerMs ?? Infinity, after.ratePerMs ?? Infinity];
  if (was === is) return false;
  return !(Math.abs(is - was) < rateChangeThatCounts * Math.min(was, is));
}

/** What `bucket` will have gained by `at` (its rate until its `slowUntil`, then its full rate). */
function refilledBy(bucket: TokenBucketSnapshot, at: number): number {
  const from = bucket.updatedAt;
  if (!(at > from)) return 0;
  const rate = bucket.ratePerMs ?? 0;
  const slowEnd = Math.min(at, Math.max(from, bucket.slowUntil));
  return (slowEnd - from) * bucket.slowRatePerMs + (at - slowEnd) * rate;
}
