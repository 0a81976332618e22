import type { FaultRule, LatencyConfig, ScenarioName } from '../config/types';

/** The faults of an in-process wrapper: the same rules and latency as a served model. */
export interface FaultProfile {
  /** Fault rules, drawn in order. Defaults to none. */
  faults?: FaultRule[];
  /** Time to first token of healthy calls (`tokensPerSecond` is not used in process). Defaults to none. */
  latency?: LatencyConfig;
  /**
   * Prompt tokens allowed before a 400 `context_length_exceeded`. Defaults to 128000
   * (`defaultModelConfig.contextWindow`).
   */
  contextWindow?: number;
  /** Seed of the fault draws. Defaults to 1 (`defaultSimulatorConfig.seed`). */
  seed?: number;
}

/** A profile, or the name of a scenario whose faults and latency to use. */
export type FaultProfileInput = FaultProfile | ScenarioName;
