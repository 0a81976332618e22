/** Where a key stands against its limits, as the `x-ratelimit-*` headers report it. */
export interface RateLimitSnapshot {
  readonly limitRequests: number;
  readonly remainingRequests: number;
  /** Time until the requests limit is fully available again; 0 when it is. */
  readonly resetRequestsMs: number;
  readonly limitTokens: number;
  readonly remainingTokens: number;
  /** Time until the tokens limit is fully available again; 0 when it is. */
  readonly resetTokensMs: number;
}

/** Outcome of {@link KeyLimiter.admit}. */
export interface Admission {
  /** Which limit refused the request; undefined when it was admitted (and counted). */
  readonly exceeded: 'requests' | 'tokens' | undefined;
  /** Wait before the refused request could be admitted, for `retry-after`; 0 when admitted. */
  readonly retryAfterMs: number;
  readonly snapshot: RateLimitSnapshot;
}

/**
 * Requests and tokens limits kept per key (an API key, or one key for a shared pool). The
 * server admits every request through one of these, whatever kind of limit is configured.
 */
export interface KeyLimiter {
  /** Counts a request of `tokens` for `key` when both limits allow it; a refusal takes nothing. */
  admit(key: string, tokens: number): Admission;
  /** Takes back a request admitted by {@link admit} that another limit then refused. */
  release(key: string, tokens: number): void;
  /** Where `key` stands, without counting anything. */
  peek(key: string): RateLimitSnapshot;
}
