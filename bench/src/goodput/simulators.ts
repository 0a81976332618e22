import { type RateLimitKind, startSimulator } from '@resilient-llm/simulator';

/** The shape of the simulated provider in the goodput scenario. */
export interface ProviderShape {
  seed: number;
  requestsPerWindow: number;
  windowMs: number;
  /** How the provider counts: per fixed window (gateways) or as a token bucket (OpenAI). Defaults to `'fixed-window'`. */
  limitKind?: RateLimitKind;
}

const latency = { firstTokenMedianMs: 40, firstTokenP99Ms: 120 };

/** The rate-limited provider: a per-key request limit, nothing else. */
export function startLimitedProvider({
  seed,
  requestsPerWindow,
  windowMs,
  limitKind = 'fixed-window',
}: ProviderShape) {
  return startSimulator({
    seed,
    models: {
      'gpt-sim': {
        rateLimit: { kind: limitKind, requestsPerWindow, tokensPerWindow: 1_000_000_000, windowMs },
        latency,
      },
    },
  });
}

/** A healthy second provider with the same latency and no limit that bites. */
export function startHealthyProvider(seed: number) {
  return startSimulator({ seed, scenario: 'steady', models: { 'gpt-sim': { latency } } });
}
