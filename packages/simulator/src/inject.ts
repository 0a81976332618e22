// `@resilient-llm/simulator/inject`: everything that runs without Node (fault injection around
// functions and AI SDK models, scenarios, config validation, the fault planner, clocks), with
// no `node:` import, for browsers and edge runtimes. The root entry adds the HTTP server.
export { InvalidOptionError } from '@resilient-llm/policies';
export {
  defaultCorsConfig,
  defaultFaultRule,
  defaultFaultWindow,
  defaultLatencyConfig,
  defaultModelConfig,
  defaultRateLimitConfig,
  defaultSimulatorConfig,
} from './config/defaults';
export { SCENARIO_NAMES, SCENARIOS } from './config/scenarios';
export type * from './config/types';
export { type ValidatedConfig, validateConfig } from './config/validate-config';
export { FAULT_TYPES } from './config/validate-fault-rule';
export { type BatchItem, parseBatchItems } from './content/batch-items';
export { CHARS_PER_TOKEN, estimateTokens } from './content/estimate-tokens';
export { createFaultPlanner } from './faults/create-fault-planner';
export type { FaultPlan, ResponseFault } from './faults/fault-plan';
export type { FaultPlanner } from './faults/fault-planner';
export type { FaultProfile, FaultProfileInput } from './faults/fault-profile';
export type { InjectOptions } from './inject/fault-injector';
export { injectEmbeddingModelFaults } from './inject/inject-embedding-model-faults';
export { type InjectFaultsOptions, injectFaults } from './inject/inject-faults';
export { injectLanguageModelFaults } from './inject/inject-language-model-faults';
export type {
  FaultInjectableEmbeddingModel,
  FaultInjectableLanguageModel,
  FaultInjectedEmbeddingModel,
  FaultInjectedLanguageModel,
  ModelStreamPart,
} from './inject/model-shapes';
export { type SimulatedFailure, SimulatedFaultError } from './inject/simulated-fault-error';
export { mulberry32, type RandomSource } from './random/mulberry32';
export { type SimulatorClock, type SimulatorTimerHandle, systemClock } from './time/clock';
export { formatGoDuration } from './time/format-go-duration';
export { createManualClock, type ManualClock } from './time/manual-clock';
