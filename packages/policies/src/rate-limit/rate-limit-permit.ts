/**
 * A grant from a rate limiter. Finish it exactly once: `settle` when the call was made, with
 * the tokens that count against the limit, or `release` when it was not. Later calls of either
 * are ignored.
 */
export interface RateLimitPermit {
  /** Tokens reserved. */
  readonly tokens: number;
  /**
   * The call was made and used `actualTokens` (leave out cached input tokens if the provider
   * does not count them): the difference to the reservation is refunded or charged.
   */
  settle(actualTokens: number): void;
  /** The call was never made: the request and every reserved token go back. */
  release(): void;
  /**
   * The server answered (a response's headers arrived): it has counted the request. Until then
   * the limiter keeps back the refill it credited while the request may still have been on its
   * way (see `RateLimiter`). `settle` and `release` imply it; later calls are ignored.
   */
  answered(): void;
}
