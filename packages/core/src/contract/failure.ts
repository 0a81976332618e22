import type { LocalRefusal, TimeoutPhase } from '@resilient-llm/policies';
import type { RateLimitSnapshot } from './rate-limit-snapshot';

/**
 * What went wrong with one attempt, in the one vocabulary every policy shares.
 *
 * - `rate-limited`: 429 that may be retried after `retryAfterMs`.
 * - `overloaded`: the provider is at capacity (529, 503).
 * - `server`: another 5xx.
 * - `timeout`: a time limit ran out (`phase` says which).
 * - `network`: the connection failed or dropped.
 * - `context-length`: the prompt does not fit the model's window; fall back to a larger
 *   window, never retry.
 * - `content-filter`: the provider refused the content.
 * - `spend-cap`: a 429 for exhausted quota or budget; retrying cannot help.
 * - `auth`: 401/403.
 * - `bad-request`: another 4xx; the request itself is wrong.
 * - `aborted`: the caller cancelled.
 * - `refused`: one of our own policies refused to send the attempt (`refusal` says which: an
 *   open circuit, a full bulkhead, a rate-limit wait too long). The provider never saw it, so it
 *   is never evidence against the provider; another target may take it.
 * - `unknown`: anything else.
 */
export type FailureKind =
  | 'rate-limited'
  | 'overloaded'
  | 'server'
  | 'timeout'
  | 'network'
  | 'context-length'
  | 'content-filter'
  | 'spend-cap'
  | 'auth'
  | 'bad-request'
  | 'aborted'
  | 'refused'
  | 'unknown';

/** A classified failure: the kind plus what policies need to decide what to do next. */
export interface Failure {
  readonly kind: FailureKind;
  /** Another attempt on the same target may succeed. */
  readonly retryable: boolean;
  /** Another target may succeed where this one failed. */
  readonly fallbackable: boolean;
  /** HTTP status, when the failure came from a response. */
  readonly status?: number;
  /** How long the provider asked us to wait before trying this target again. */
  readonly retryAfterMs?: number;
  /** For `timeout`: which limit ran out. */
  readonly phase?: TimeoutPhase;
  /** For `refused`: which local policy refused to send the attempt. */
  readonly refusal?: LocalRefusal;
  /** Rate-limit state read from the failed response's headers, when present. */
  readonly rateLimit?: RateLimitSnapshot;
  /** A short human-readable description. */
  readonly message: string;
  /** The original error. */
  readonly cause: unknown;
}
