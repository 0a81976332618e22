import type { ResolvedRateLimit } from '../config/resolved-types';
import type { SimulatorClock } from '../time/clock';
import type { Admission, KeyLimiter, RateLimitSnapshot } from './key-limiter';
import { RefillingBucket } from './refilling-bucket';

interface KeyBuckets {
  readonly requests: RefillingBucket;
  readonly tokens: RefillingBucket;
}

/**
 * Requests and tokens as continuously refilling buckets, per key, as OpenAI and Anthropic
 * limit them. Each key has a bucket of `requestsPerWindow` requests and one of
 * `tokensPerWindow` tokens, both full at first use and refilling at `capacity / windowMs`.
 * Refused requests take nothing. Resets report the time until a bucket is full again; a
 * refused request is asked to wait only until its bucket holds what it needs.
 */
export class TokenBucketLimiter implements KeyLimiter {
  private readonly buckets = new Map<string, KeyBuckets>();
  private lastSweepAt: number;

  constructor(
    private readonly limit: ResolvedRateLimit,
    private readonly clock: SimulatorClock,
  ) {
    this.lastSweepAt = clock.now();
  }

  /** Takes one request and `tokens` from `key`'s buckets when both hold enough. */
  admit(key: string, tokens: number): Admission {
    const now = this.clock.now();
    this.dropFullKeys(now);
    const buckets = this.bucketsOf(key, now);
    let exceeded: Admission['exceeded'];
    let retryAfterMs = 0;
    if (!buckets.requests.holds(1, now)) {
      exceeded = 'requests';
      retryAfterMs = buckets.requests.msUntilHolding(1, now);
    } else if (!buckets.tokens.holds(tokens, now)) {
      exceeded = 'tokens';
      retryAfterMs = buckets.tokens.msUntilHolding(tokens, now);
    } else {
      buckets.requests.take(1, now);
      buckets.tokens.take(tokens, now);
    }
    return { exceeded, retryAfterMs, snapshot: this.snapshot(buckets, now) };
  }

  /** Puts back a request admitted by {@link admit} that another limit then refused. */
  release(key: string, tokens: number): void {
    const buckets = this.buckets.get(key);
    if (!buckets) return;
    const now = this.clock.now();
    buckets.requests.giveBack(1, now);
    buckets.tokens.giveBack(tokens, now);
  }

  /** Where `key` stands, without taking anything. */
  peek(key: string): RateLimitSnapshot {
    const now = this.clock.now();
    return this.snapshot(this.bucketsOf(key, now), now);
  }

  private bucketsOf(key: string, now: number): KeyBuckets {
    let buckets = this.buckets.get(key);
    if (!buckets) {
      const refillMs = this.limit.windowMs;
      buckets = {
        requests: new RefillingBucket({ capacity: this.limit.requestsPerWindow, refillMs }, now),
        tokens: new RefillingBucket({ capacity: this.limit.tokensPerWindow, refillMs }, now),
      };
      this.buckets.set(key, buckets);
    }
    return buckets;
  }

  /** A full key is the same as an unknown one; at most once per window, forget them. */
  private dropFullKeys(now: number): void {
    if (now - this.lastSweepAt < this.limit.windowMs) return;
    this.lastSweepAt = now;
    for (const [key, buckets] of this.buckets) {
      if (buckets.requests.isFull(now) && buckets.tokens.isFull(now)) this.buckets.delete(key);
    }
  }

  private snapshot(buckets: KeyBuckets, now: number): RateLimitSnapshot {
    return {
      limitRequests: this.limit.requestsPerWindow,
      remainingRequests: buckets.requests.remaining(now),
      resetRequestsMs: buckets.requests.msUntilFull(now),
      limitTokens: this.limit.tokensPerWindow,
      remainingTokens: buckets.tokens.remaining(now),
      resetTokensMs: buckets.tokens.msUntilFull(now),
    };
  }
}
