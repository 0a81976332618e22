/**
 * The application's API: `createResilientModel`, its options and defaults, the built-in
 * stages, the errors and events of a call. Adapter authors find the binding contract on
 * `@resilient-llm/core/binding`.
 *
 * @module application
 */
export {
  AbortedError,
  BrokenCircuitError,
  BulkheadRejectedError,
  type Clock,
  type Disposable,
  InvalidOptionError,
  MemorySharedState,
  RateLimitWaitTooLongError,
  ResilientError,
  RetriesExhaustedError,
  RetryAfterTooLongError,
  type SharedState,
  systemClock,
  TimeoutError,
  type TimeoutPhase,
} from '@resilient-llm/policies';
export type { CommittedStream } from './contract/committed-stream';
export type { CallContext, TargetContext } from './contract/context';
export type { Failure, FailureKind } from './contract/failure';
export type { Observation, Usage } from './contract/observation';
export type {
  AttemptOutcome,
  CallOutcome,
  GenerateOutcome,
  Provenance,
  StreamOutcome,
} from './contract/outcome';
export type {
  BuiltInEvent,
  CallMode,
  EventSink,
  PipelineEvent,
  PipelineEventOf,
  PipelineEventType,
  SharedStatePolicy,
  StageEvent,
  StageEvents,
} from './contract/pipeline-event';
export type {
  CallOptions,
  GenerateResult,
  ResilientModel,
  ResilientStream,
  StreamResult,
} from './contract/resilient-model';
export type {
  CallOptionCheck,
  Stage,
  StageSetup,
  WrapCallInput,
  WrapTargetInput,
} from './contract/stage';
export { AllTargetsFailedError, type TargetFailure } from './errors/all-targets-failed-error';
export { IncompleteStreamError } from './errors/incomplete-stream-error';
export { StreamInterruptedError } from './errors/stream-interrupted-error';
export { createResilientModel } from './pipeline/create-resilient-model';
export {
  defaultResilientModelOptions,
  type ResilientModelOptions,
} from './pipeline/model-options';
export { createAttemptTimeoutStage } from './stages/attempt-timeout-stage';
export { type BulkheadStageOptions, createBulkheadStage } from './stages/bulkhead-stage';
export {
  type CircuitBreakerStageOptions,
  type CircuitBreakerTargetOptions,
  createCircuitBreakerStage,
  defaultBreakerKinds,
  defaultCircuitBreakerStageOptions,
} from './stages/circuit-breaker-stage';
export type { PerTargetOptions } from './stages/per-target';
export {
  createRateLimitStage,
  defaultRateLimitStageOptions,
  type RateLimitStageOptions,
  type RateLimitTargetOptions,
} from './stages/rate-limit-stage';
export {
  createRetryStage,
  defaultRetryStageOptions,
  type RetryStageOptions,
} from './stages/retry-stage';
export type { TargetRateLimiter } from './stages/target-rate-limiter';
export type { StreamTimeouts } from './stream/stream-timeouts';
