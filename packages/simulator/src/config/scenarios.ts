import type { ModelConfig, ScenarioName } from './types';

/**
 * The named presets. Each is a model configuration every model starts from; `models` and
 * `defaultModel` of the user's config are merged over it.
 */
export const SCENARIOS: Readonly<Record<ScenarioName, ModelConfig>> = {
  /** A healthy provider: no faults, limits that never bite. */
  steady: {},
  /** Tight per-key limits plus extra 429s from a congested gateway. */
  '429-storm': {
    rateLimit: { requestsPerWindow: 20, tokensPerWindow: 40_000, windowMs: 10_000 },
    sharedPool: { requestsPerWindow: 50, tokensPerWindow: 100_000, windowMs: 10_000 },
    faults: [{ type: 'rate-limit', probability: 0.25, retryAfterMs: 2000 }],
  },
  /** The provider sheds load: 529 overloaded and some 503s. */
  overloaded: {
    faults: [
      { type: 'overloaded', probability: 0.3 },
      { type: 'server-error', status: 503, probability: 0.1 },
    ],
  },
  /** A full outage for the first 30 s (503s and resets), healthy afterwards. */
  outage: {
    faults: [
      { type: 'connection-reset', probability: 0.2, windows: [{ startMs: 0, endMs: 30_000 }] },
      {
        type: 'server-error',
        status: 503,
        probability: 1,
        windows: [{ startMs: 0, endMs: 30_000 }],
      },
    ],
  },
  /** Usually quick, sometimes very slow to start: median 800 ms, p99 8 s. */
  'slow-first-token': {
    latency: { tokensPerSecond: 50 },
    faults: [{ type: 'slow-first-token', medianMs: 800, p99Ms: 8000 }],
  },
  /** Streams that stall, drop or carry a broken chunk. */
  'flaky-stream': {
    latency: { tokensPerSecond: 100 },
    faults: [
      { type: 'stall', probability: 0.1, afterTokens: 5, durationMs: 5000 },
      { type: 'drop', probability: 0.1, afterTokens: 5 },
      { type: 'malformed-chunk', probability: 0.05, afterTokens: 5 },
    ],
  },
};

/** The scenario names, in documentation order. */
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];
