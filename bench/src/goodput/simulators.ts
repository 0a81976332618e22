import { startSimulator } from '@resilient-llm/simulator';

/** The shape of the simulated provider in the goodput scenario. */
export interface ProviderShape {
  seed: number;
  requestsPerWindow: number;
  windowMs: number;
}

const latency = { firstTokenMedianMs: 40, firstTokenP99Ms: 120 };

/** The rate-limited provider: a per-key request limit over a fixed window, nothing else. */
export function startLimitedProvider({ seed, requestsPerWindow, windowMs }: ProviderShape) {
  return startSimulator({
    seed,
    models: {
      'gpt-sim': {
        rateLimit: { requestsPerWindow, tokensPerWindow: 1_000_000_000, windowMs },
        latency,
      },
    },
  });
}

/** A healthy second provider with the same latency and no limit that bites. */
export function startHealthyProvider(seed: number) {
  return startSimulator({ seed, scenario: 'steady', models: { 'gpt-sim': { latency } } });
}
