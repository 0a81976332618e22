export {
  AbortedError,
  assertAbortSignal,
  assertArrayOf,
  assertBoolean,
  assertClock,
  assertFunction,
  assertKnownKeys,
  assertMethods,
  assertNumber,
  assertObject,
  assertOneOf,
  assertOptions,
  assertRequired,
  assertString,
  BrokenCircuitError,
  BulkheadRejectedError,
  type Clock,
  createDeadline,
  type Deadline,
  type Disposable,
  InvalidOptionError,
  optionKeys,
  RateLimitWaitTooLongError,
  ResilientError,
  RetriesExhaustedError,
  RetryAfterTooLongError,
  sleep,
  startTimer,
  systemClock,
  TimeoutError,
  type TimeoutPhase,
  type TimerOptions,
  withoutKeys,
} from '@resilient-llm/policies';
export type {
  AttemptSignal,
  Binding,
  BindingStream,
  CacheScope,
  StreamPartRole,
} from './contract/binding';
export type { CommittedStream } from './contract/committed-stream';
export type { CallContext, TargetContext } from './contract/context';
export type { Observation, Usage } from './contract/observation';
export type {
  AttemptOutcome,
  CallOutcome,
  GenerateOutcome,
  Provenance,
  StreamOutcome,
} from './contract/outcome';
export type {
  CallMode,
  PipelineEvent,
  PipelineEventOf,
  PipelineEventType,
} from './contract/pipeline-event';
export {
  type CallOptions,
  callOptionKeys,
  type GenerateResult,
  type ResilientModel,
  type ResilientStream,
  type StreamResult,
} from './contract/resilient-model';
export type { Stage, WrapCallInput, WrapTargetInput } from './contract/stage';
export { AllTargetsFailedError, type TargetFailure } from './errors/all-targets-failed-error';
export { IncompleteStreamError } from './errors/incomplete-stream-error';
export { StreamInterruptedError } from './errors/stream-interrupted-error';
export { EventHub } from './events/event-hub';
export * from './failure/index';
export * from './headers/index';
export { createResilientModel } from './pipeline/create-resilient-model';
export {
  defaultResilientModelOptions,
  type ResilientModelOptions,
  resilientModelOptionKeys,
} from './pipeline/model-options';
export { createAttemptTimeoutStage } from './stages/attempt-timeout-stage';
export { type BulkheadStageOptions, createBulkheadStage } from './stages/bulkhead-stage';
export {
  type CircuitBreakerStageOptions,
  createCircuitBreakerStage,
  defaultBreakerKinds,
  defaultCircuitBreakerStageOptions,
} from './stages/circuit-breaker-stage';
export { countableTokens } from './stages/countable-tokens';
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
export { type StreamTimeouts, streamTimeoutKeys } from './stream/stream-timeouts';
