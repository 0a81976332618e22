/** One rate-limit dimension (requests, tokens, ...) as the provider reported it. */
export interface RateLimitWindow {
  /** The maximum allowed in the window. */
  readonly limit?: number;
  /** What is left in the current window. */
  readonly remaining?: number;
  /** Milliseconds from when the headers were read until the window resets. */
  readonly resetMs?: number;
}

/**
 * Rate-limit state read from one response's headers. Every field is optional: a header that
 * is absent, empty, negative, `-1`, `0` where zero means "unknown", or garbage is left out.
 */
export interface RateLimitSnapshot {
  /** Requests per window (`x-ratelimit-*-requests`, `anthropic-ratelimit-requests-*`). */
  readonly requests?: RateLimitWindow;
  /** Tokens per window (`x-ratelimit-*-tokens`, `anthropic-ratelimit-tokens-*`). */
  readonly tokens?: RateLimitWindow;
  /** Input tokens per window (`anthropic-ratelimit-input-tokens-*`). */
  readonly inputTokens?: RateLimitWindow;
  /** Output tokens per window (`anthropic-ratelimit-output-tokens-*`). */
  readonly outputTokens?: RateLimitWindow;
  /** Server-requested wait (`retry-after-ms`, `x-ms-retry-after-ms`, `retry-after`). */
  readonly retryAfterMs?: number;
  /** The server's explicit advice (`x-should-retry: true|false`). */
  readonly shouldRetry?: boolean;
}

/** Response headers as Web `Headers` or a plain record (any key case, array values allowed). */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | number | undefined | null>>;
