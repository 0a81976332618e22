import type { RateLimitBuckets } from '../rate-limit/rate-limit-buckets';
import type { RateLimitPermit } from '../rate-limit/rate-limit-permit';

/** A caller of `SharedRateLimiter.acquire` waiting in line. */
export interface SharedWaiter {
  readonly tokens: number;
  readonly signal: AbortSignal | undefined;
  /** Epoch milliseconds after which the caller would rather be refused. */
  readonly latestGrantAt: number;
  /** Stops listening to `signal`. */
  readonly stopListening: () => void;
  readonly resolve: (permit: RateLimitPermit) => void;
  readonly reject: (error: unknown) => void;
}

/** A waiter whose permit would come too late, with the wait it would have had. */
export interface LateWaiter {
  readonly waiter: SharedWaiter;
  readonly waitMs: number;
}

/**
 * The waiters of `queue` that would be granted after their `latestGrantAt`, each waiting for
 * those ahead of it that stay, as `RateLimiter` refuses its own: the wait of each is the
 * buckets' estimate, and never less than `minWaitMs` (the fleet's answer for the head, a pause).
 */
export function lateWaiters(
  queue: readonly SharedWaiter[],
  buckets: RateLimitBuckets,
  minWaitMs: number,
): LateWaiter[] {
  const now = buckets.refill();
  const late: LateWaiter[] = [];
  let requestsAhead = 0;
  let tokensAhead = 0;
  for (const waiter of queue) {
    const tokenCount = tokensAhead + buckets.needed(waiter.tokens);
    const waitMs = Math.max(minWaitMs, buckets.waitMs(requestsAhead + 1, tokenCount, now));
    if (now + waitMs > waiter.latestGrantAt + 1e-6) {
      late.push({ waiter, waitMs });
      continue;
    }
    requestsAhead += 1;
    tokensAhead += waiter.tokens;
  }
  return late;
}
