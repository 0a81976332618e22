import { WaitQueue, type WaitQueueEntry } from '../queue/wait-queue';
import type { RateLimitBuckets } from '../rate-limit/rate-limit-buckets';
import type { RateLimitPermit } from '../rate-limit/rate-limit-permit';

/** A caller of `SharedRateLimiter.acquire` waiting in line. */
export interface SharedWaiter {
  readonly tokens: number;
  readonly signal: AbortSignal | undefined;
  /** Epoch milliseconds after which the caller would rather be refused. */
  readonly latestGrantAt: number;
  /** Stops listening to `signal` while in the fleet's line (set each time the waiter joins it). */
  stopListening: () => void;
  readonly resolve: (permit: RateLimitPermit) => void;
  readonly reject: (error: unknown) => void;
}

/** A waiter whose permit would come too late, with the wait it would have had. */
export interface LateWaiter {
  readonly waiter: SharedWaiter;
  readonly waitMs: number;
}

/**
 * The waiters of a `SharedRateLimiter`, first in, first out, with the tokens they hold back:
 * on a {@link WaitQueue}, so joining, leaving anywhere (an abort) and being granted cost O(1)
 * however long the line.
 */
export class SharedWaitQueue {
  private readonly waiters = new WaitQueue<SharedWaiter>();
  private readonly places = new Map<SharedWaiter, WaitQueueEntry<SharedWaiter>>();
  private queuedTokens = 0;
  private boundedWaiters = 0;

  /** The waiter served next. */
  get head(): SharedWaiter | undefined {
    return this.waiters.peek();
  }

  get length(): number {
    return this.waiters.length;
  }

  /** Tokens the waiters hold back. */
  get tokens(): number {
    return this.queuedTokens;
  }

  push(waiter: SharedWaiter): void {
    this.places.set(waiter, this.waiters.push(waiter));
    this.count(waiter, 1);
  }

  /** Puts `waiters` at the front of the line, in their order, ahead of those already in it. */
  pushFirst(waiters: readonly SharedWaiter[]): void {
    for (let index = waiters.length - 1; index >= 0; index--) {
      const waiter = waiters[index]!;
      this.places.set(waiter, this.waiters.unshift(waiter));
      this.count(waiter, 1);
    }
  }

  /** Takes `waiter` out of the line; false when it was not in it. */
  remove(waiter: SharedWaiter): boolean {
    const place = this.places.get(waiter);
    if (!place || !this.waiters.remove(place)) return false;
    this.places.delete(waiter);
    this.count(waiter, -1);
    return true;
  }

  /** Empties the line and returns its waiters, in order. */
  takeAll(): SharedWaiter[] {
    const all = [...this.waiters];
    for (const waiter of all) this.remove(waiter);
    return all;
  }

  /** Adds (`sign` 1) or takes away (-1) what `waiter` holds back. */
  private count(waiter: SharedWaiter, sign: 1 | -1): void {
    this.queuedTokens += sign * waiter.tokens;
    if (waiter.latestGrantAt !== Infinity) this.boundedWaiters += sign;
  }

  /** The waiters that would be granted too late ({@link lateWaiters}); none when none has a limit. */
  late(buckets: RateLimitBuckets, minWaitMs: number): LateWaiter[] {
    return this.boundedWaiters === 0 ? [] : lateWaiters(this.waiters, buckets, minWaitMs);
  }
}

/**
 * The waiters of `queue` that would be granted after their `latestGrantAt`, each waiting for
 * those ahead of it that stay, as `RateLimiter` refuses its own: the wait of each is the
 * buckets' estimate, and never less than `minWaitMs` (the fleet's answer for the head, a pause).
 */
function lateWaiters(
  queue: Iterable<SharedWaiter>,
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
