import type { ResolvedRateLimit } from './resolved-types';

/** Limits of a model nobody configured: high enough never to bite, still reported in headers. */
export const DEFAULT_RATE_LIMIT: ResolvedRateLimit = {
  kind: 'fixed-window',
  requestsPerWindow: 1_000_000,
  tokensPerWindow: 1_000_000_000,
  windowMs: 60_000,
};

/** Model settings every model starts from before scenario and user settings apply. */
export const MODEL_DEFAULTS = {
  contextWindow: 128_000,
  responseTokens: 16,
  embeddingDimensions: 256,
  firstTokenMedianMs: 0,
  tokensPerSecond: 0,
} as const;

/** Defaults of the tunable fields of fault rules. */
export const FAULT_DEFAULTS = {
  probability: 1,
  status: 500,
  retryAfterMs: 1000,
  medianMs: 2000,
  afterTokens: 3,
  stallDurationMs: 30_000,
} as const;

/** Seed used when none is configured. */
export const DEFAULT_SEED = 1;
