import type { Clock } from '../time/clock';
import { fromBucketSnapshot, toBucketSnapshot } from './bucket-snapshot';
import type { RateLimitObservation } from './rate-limiter-options';
import type { RateLimiterSnapshot } from './rate-limiter-snapshot';
import {
  createBucket,
  giveBack,
  msUntilLevel,
  observeWindow,
  type RefillMode,
  refill,
  refillAtResetsFromNowOn,
  type TokenBucket,
  take,
} from './token-bucket';
import { showsFixedWindow } from './window-evidence';

// Floating-point refills may land a hair below a whole amount exactly when a timer fires.
const tolerance = 1e-9;

/** The requests bucket, the tokens bucket and the pause of one rate limiter, without any waiting. */
export class RateLimitBuckets {
  private requests: TokenBucket;
  private tokens: TokenBucket;
  private pausedUntil = 0;
  private lastGrantedAhead = 0;

  constructor(
    requestsPerWindow: number,
    tokensPerWindow: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
    refillMode: RefillMode,
  ) {
    this.requests = createBucket(requestsPerWindow, windowMs, clock.now(), refillMode);
    this.tokens = createBucket(tokensPerWindow, windowMs, clock.now(), refillMode);
  }

  /** The requests bucket's capacity: configured, or lowered by what the server reported. */
  get requestCapacity(): number {
    return this.requests.capacity;
  }

  /** The requests bucket's refill rate per millisecond: `capacity / windowMs`. */
  get requestRatePerMs(): number {
    return this.requests.ratePerMs;
  }

  /** The tokens bucket's capacity: configured, or lowered by what the server reported. */
  get tokenCapacity(): number {
    return this.tokens.capacity;
  }

  /** Whether the requests bucket counts fixed windows: whole at each reset the server reported. */
  get countsFixedWindows(): boolean {
    return this.requests.refillMode === 'fixed-window';
  }

  /**
   * Whether a permit may be taken now for later (a fleet's `take` with `maxWaitMs`): when both
   * buckets drip back (`continuous`) or do not limit, a permit taken early only pushes the
   * next ones back by its share of the refill. A bucket that refills at resets is whole again
   * at the reset and would hand the permit out twice.
   */
  get grantsAhead(): boolean {
    return dripsBack(this.requests) && dripsBack(this.tokens);
  }

  /** When the last permit granted ahead (`consumeAhead`) may be used; 0 when none ever was. */
  get grantedAheadUntil(): number {
    return this.lastGrantedAhead;
  }

  /** When the buckets were last brought up to date (the later of the two). */
  get updatedAt(): number {
    return Math.max(this.requests.updatedAt, this.tokens.updatedAt);
  }

  /** Brings both buckets up to now and returns now. */
  refill(): number {
    const now = this.clock.now();
    refill(this.requests, now);
    refill(this.tokens, now);
    return now;
  }

  /** Tokens a request must find in the bucket to start: a request larger than the bucket starts once it is full. */
  needed(tokens: number): number {
    return Math.min(tokens, this.tokens.capacity);
  }

  /**
   * Requests the requests bucket must hold for `requestCount` requests to start while
   * `reserveRequests` are kept back: their sum, but never more than the capacity, so that a
   * reserve cannot stop a small bucket for good.
   */
  requestsNeeded(requestCount: number, reserveRequests: number): number {
    return Math.min(requestCount + reserveRequests, Math.max(requestCount, this.requests.capacity));
  }

  /**
   * True when one request of `tokens` may start at `now` (call `refill` first) and the requests
   * bucket still holds `reserveRequests` more after it (see {@link requestsNeeded}): room kept
   * for the spread between a grant and its arrival at the server.
   */
  fits(tokens: number, now: number, reserveRequests = 0): boolean {
    return (
      now >= this.pausedUntil &&
      this.requests.level >= this.requestsNeeded(1, reserveRequests) - tolerance &&
      this.tokens.level >= this.needed(tokens) - tolerance
    );
  }

  /** Takes one request and `tokens` tokens; the tokens level may go below zero. */
  consume(tokens: number): void {
    const now = this.clock.now();
    take(this.requests, 1, now);
    take(this.tokens, tokens, now);
  }

  /**
   * Takes one request and `tokens` tokens now for a permit to be used at `dueAt` (see
   * {@link grantsAhead}): the next permits come after it.
   */
  consumeAhead(tokens: number, dueAt: number): void {
    this.consume(tokens);
    if (dueAt > this.lastGrantedAhead) this.lastGrantedAhead = dueAt;
  }

  /**
   * Gives back (or, when negative, takes) requests and tokens, never above capacity. While
   * permits granted ahead are still due, nothing is given back (what is taken still counts):
   * those permits were placed after the one now given back, so what it leaves would let a
   * later call out before them, and at their time the server would count both.
   */
  refund(requests: number, tokens: number): void {
    const now = this.refill();
    const keep = now < this.lastGrantedAhead;
    giveBack(this.requests, keep ? Math.min(0, requests) : requests, now);
    giveBack(this.tokens, keep ? Math.min(0, tokens) : tokens, now);
  }

  /**
   * Milliseconds from `now` until `requestCount` requests (with `reserveRequests` kept back, as
   * in {@link fits}) and `tokenCount` tokens are available.
   */
  waitMs(requestCount: number, tokenCount: number, now: number, reserveRequests = 0): number {
    return Math.max(
      this.pausedUntil - now,
      msUntilLevel(this.requests, this.requestsNeeded(requestCount, reserveRequests), now),
      msUntilLevel(this.tokens, tokenCount, now),
      0,
    );
  }

  /** Extends the pause to `untilMs`; false when an existing pause already lasts as long. */
  pauseUntil(untilMs: number): boolean {
    if (!(untilMs > this.pausedUntil)) return false;
    this.pausedUntil = untilMs;
    return true;
  }

  /**
   * Learns from a 429 that the server does not drip as assumed: from now on both buckets refill
   * only at resets, as fixed windows when the 429's own report shows one (`showsFixedWindow`).
   */
  learnFromRefusal(observation: RateLimitObservation | undefined): void {
    const fixed =
      showsFixedWindow(observation?.requests, this.requests.capacity, this.requests.windowMs) ||
      showsFixedWindow(observation?.tokens, this.tokens.capacity, this.tokens.windowMs);
    const mode = fixed ? 'fixed-window' : 'at-reset';
    const now = this.clock.now();
    refillAtResetsFromNowOn(this.requests, mode, now);
    refillAtResetsFromNowOn(this.tokens, mode, now);
  }

  /**
   * Learns from reports that show fixed windows (see `WindowInference.showsFixedWindow`):
   * from now on both buckets count fixed windows, as after a 429 that shows one.
   */
  learnFixedWindows(): void {
    const now = this.clock.now();
    refillAtResetsFromNowOn(this.requests, 'fixed-window', now);
    refillAtResetsFromNowOn(this.tokens, 'fixed-window', now);
  }

  /** Folds in what the server reported about its windows. */
  observe(observation: RateLimitObservation): void {
    const now = this.clock.now();
    if (observation.requests) observeWindow(this.requests, observation.requests, now);
    if (observation.tokens) observeWindow(this.tokens, observation.tokens, now);
  }

  /** The state as a plain JSON-serialisable object. */
  snapshot(): RateLimiterSnapshot {
    this.refill();
    return {
      requests: toBucketSnapshot(this.requests),
      tokens: toBucketSnapshot(this.tokens),
      pausedUntil: this.pausedUntil,
      ...(this.lastGrantedAhead > 0 ? { grantedAheadUntil: this.lastGrantedAhead } : {}),
    };
  }

  /** Replaces the state with a snapshot. */
  restore(snapshot: RateLimiterSnapshot): void {
    this.requests = fromBucketSnapshot(snapshot.requests, this.windowMs);
    this.tokens = fromBucketSnapshot(snapshot.tokens, this.windowMs);
    this.pausedUntil = snapshot.pausedUntil;
    this.lastGrantedAhead = snapshot.grantedAheadUntil ?? 0;
  }
}

/** Whether `bucket` gives back continuously, or limits nothing. */
function dripsBack(bucket: TokenBucket): boolean {
  return bucket.capacity === Infinity || bucket.refillMode === 'continuous';
}
