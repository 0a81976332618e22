import type { RateLimitSnapshot } from './rate-limit-snapshot';

/** Token usage of one response, as far as the provider reported it. */
export interface Usage {
  /** Prompt tokens, including cached ones. */
  readonly inputTokens?: number;
  /** Completion tokens. */
  readonly outputTokens?: number;
  /** Prompt tokens served from the provider's prompt cache (they do not count against TPM). */
  readonly cachedInputTokens?: number;
}

/** What one response tells the pipeline about the provider's state. */
export interface Observation {
  /** Rate-limit state from the response headers. */
  readonly rateLimit?: RateLimitSnapshot;
  /** Token usage. */
  readonly usage?: Usage;
}
