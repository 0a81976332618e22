import type { Disposable } from '../events/event';
import type { RateLimitObservation } from '../rate-limit/rate-limiter-options';
import type { RateLimiterSnapshot } from '../rate-limit/rate-limiter-snapshot';
import type { RefillMode } from '../rate-limit/token-bucket';
import type { MaybePromise } from '../store/state-store';

/**
 * The limits a shared rate limit starts from when the fleet has no state for its key yet:
 * the first process to touch the key creates the buckets from these.
 */
export interface SharedRateLimitLimits {
  readonly requestsPerWindow: number;
  readonly tokensPerWindow: number;
  readonly windowMs: number;
  readonly refillMode: RefillMode;
}

/**
 * One operation on a shared rate limit, applied atomically to the fleet's state (on Redis, by
 * one server-side script). `now` is epoch milliseconds of the caller's clock.
 *
 * - `take`: one request and `tokens` tokens, granted when the buckets hold them with
 *   `reserveRequests` requests to spare (the margin kept for arrival jitter). With
 *   `maxWaitMs` (default 0), a take the buckets cannot grant now but can within that many
 *   milliseconds is granted ahead: the permit is taken now and the answer's `waitMs` says when
 *   it may be used. Only buckets that drip back (`continuous`, or without a limit) grant
 *   ahead, as a GCRA does: a permit taken early pushes the next ones back by its share of the
 *   refill. A bucket that refills at resets would hand it out again at the reset.
 * - `refund`: gives back requests and tokens (negative tokens take more: a call used more
 *   than it reserved).
 * - `observe`: what a response's rate-limit headers reported; with `fixedWindows`, the reports
 *   have shown fixed windows (windowKind `auto`), counted as such from now on.
 * - `rate-limited`: a 429: learn from it when `learn` (windowKind `auto`), fold in its
 *   headers, pause every process until `pauseUntil` (epoch ms, 0: no pause).
 */
export type SharedRateLimitCommand =
  | {
      readonly op: 'take';
      readonly tokens: number;
      readonly reserveRequests: number;
      readonly maxWaitMs?: number;
    }
  | { readonly op: 'refund'; readonly requests: number; readonly tokens: number }
  | {
      readonly op: 'observe';
      readonly observation: RateLimitObservation;
      readonly fixedWindows?: boolean;
    }
  | {
      readonly op: 'rate-limited';
      readonly observation?: RateLimitObservation;
      readonly pauseUntil: number;
      readonly learn: boolean;
    };

/** What the fleet's state answered to the last of the {@link SharedRateLimitCommand}s it applied. */
export interface SharedRateLimitResult {
  /** `take`: whether the permit was granted; `true` for every other operation. */
  readonly granted: boolean;
  /**
   * `take` granted: milliseconds until the permit may be used, 0 when at once (more when
   * granted ahead, within the take's `maxWaitMs`); refused: milliseconds until it would be
   * granted (`Infinity` during an endless pause); 0 for every other operation.
   */
  readonly waitMs: number;
  /** The fleet's state after the operation, which the local limiter mirrors. */
  readonly state: RateLimiterSnapshot;
}

/** The fleet's view of one circuit breaker. */
export interface SharedBreakerView {
  /**
   * Epoch milliseconds until which every process refuses calls; 0 when closed. Once past, the
   * breaker is half-open until a probe closes it (`closeBreaker`) or reopens it.
   */
  readonly openUntil: number;
  /** Epoch milliseconds until which one process holds the half-open probe lease; 0 when none. */
  readonly probeLeaseUntil: number;
}

/**
 * State shared by every process built with the same target ids: rate-limit buckets and
 * pauses, and circuit breakers. Implementations must be safe for many processes at once
 * (`@resilient-llm/redis`'s `redisSharedState`); {@link MemorySharedState} shares between the
 * models of one process and is the reference the Redis script is tested against.
 *
 * Every method may fail or hang: callers bound each with a timeout and fall back to local
 * state, so an implementation need not catch its own errors.
 */
export interface SharedState {
  /**
   * Applies `commands` in order, all at once, to the rate limit under `key` (created from
   * `limits` when absent), and answers for the last: reports ride on the next take, so that a
   * permit costs one round trip.
   */
  rateLimit(
    key: string,
    limits: SharedRateLimitLimits,
    commands: readonly SharedRateLimitCommand[],
    now: number,
  ): Promise<SharedRateLimitResult>;
  /** The breaker under `key`. */
  readBreaker(key: string, now: number): Promise<SharedBreakerView>;
  /** Opens the breaker under `key` for every process until `untilMs`; never shortens an open period. */
  openBreaker(key: string, untilMs: number, now: number): Promise<SharedBreakerView>;
  /**
   * Takes the half-open probe lease of the breaker under `key` until `untilMs` when the
   * breaker's open period is over and nobody holds the lease: true for exactly one caller.
   */
  leaseProbe(key: string, untilMs: number, now: number): Promise<boolean>;
  /** Closes the breaker under `key` for every process (a probe succeeded). */
  closeBreaker(key: string, now: number): Promise<void>;
  /**
   * Tells `listener` the key and view of every breaker change made by any process, without
   * polling. Optional: without it, processes learn of changes when they next read.
   */
  onBreakerChange?(
    listener: (key: string, view: SharedBreakerView) => void,
  ): MaybePromise<Disposable>;
  /** Releases what the shared state holds (connections, subscriptions); not the client you passed. */
  close?(): MaybePromise<void>;
}

/**
 * A failed or slow operation on a {@link SharedState}, reported by the policy that called it
 * as it falls back to local state.
 */
export interface SharedStateFault {
  /** The operation that failed (`'rate-limit'`, `'read-breaker'`, …). */
  readonly operation: string;
  /** The key it was for (a prefix plus a target id: never a secret). */
  readonly key: string;
  /** Why: the error, or a `TimeoutError` when it did not answer in time. */
  readonly error: unknown;
}
