import type {
  CorsConfig,
  FaultRuleBase,
  FaultWindow,
  LatencyConfig,
  ModelConfig,
  RateLimitConfig,
  SimulatorConfig,
} from './types';

/** The values applied to the {@link SimulatorConfig} fields left out. */
export const defaultSimulatorConfig = {
  scenario: 'steady',
  seed: 1,
  port: 0,
  rejectUnknownModels: false,
} as const satisfies SimulatorConfig;

/**
 * The values applied to the {@link CorsConfig} fields left out: pages served from any port of
 * this machine's loopback addresses may call the simulator.
 */
export const defaultCorsConfig = {
  origins: ['http://127.0.0.1:*', 'http://localhost:*', 'http://[::1]:*'],
} as const satisfies CorsConfig;

/** The values every model starts from before scenario and user settings apply. */
export const defaultModelConfig = {
  contextWindow: 128_000,
  responseTokens: 16,
  embeddingDimensions: 256,
} as const satisfies ModelConfig;

/**
 * The limits of a model nobody configured, and of every {@link RateLimitConfig} field left
 * out: high enough never to bite, still reported in headers.
 */
export const defaultRateLimitConfig = {
  kind: 'fixed-window',
  requestsPerWindow: 1_000_000,
  tokensPerWindow: 1_000_000_000,
  windowMs: 60_000,
} as const satisfies RateLimitConfig;

/** The values applied to the {@link LatencyConfig} fields left out: answers at once. */
export const defaultLatencyConfig = {
  firstTokenMedianMs: 0,
  tokensPerSecond: 0,
} as const satisfies LatencyConfig;

/** The values applied to the {@link FaultWindow} fields left out: a window never closes. */
export const defaultFaultWindow = {
  endMs: Infinity,
} as const satisfies Partial<FaultWindow>;

/**
 * The values applied to the tunable fields of fault rules left out, by field name (a field
 * such as `afterTokens` means the same in every rule that has it).
 */
export const defaultFaultRule = {
  probability: 1,
  status: 500,
  retryAfterMs: 1000,
  medianMs: 2000,
  afterTokens: 3,
  durationMs: 30_000,
} as const satisfies FaultRuleBase & Record<string, number>;
