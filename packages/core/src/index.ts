export {
  AbortedError,
  type Clock,
  createDeadline,
  type Deadline,
  type Disposable,
  InvalidOptionError,
  ResilientError,
  sleep,
  systemClock,
  TimeoutError,
  type TimeoutPhase,
} from '@resilient-llm/policies';
export type { AttemptSignal, Binding, BindingStream, StreamPartRole } from './binding/binding';
export type { Observation, Usage } from './binding/observation';
export { AllTargetsFailedError, type TargetFailure } from './errors/all-targets-failed-error';
export { IncompleteStreamError } from './errors/incomplete-stream-error';
export { StreamInterruptedError } from './errors/stream-interrupted-error';
export { EventHub } from './events/event-hub';
export type {
  CallMode,
  PipelineEvent,
  PipelineEventOf,
  PipelineEventType,
} from './events/pipeline-event';
export * from './failure/index';
export * from './headers/index';
export type { CallContext, TargetContext } from './pipeline/context';
export { createResilientModel } from './pipeline/create-resilient-model';
export { defaultTimeoutMs, type ResilientModelOptions } from './pipeline/model-options';
export type {
  AttemptOutcome,
  CallOutcome,
  GenerateOutcome,
  Provenance,
  StreamOutcome,
} from './pipeline/outcome';
export type {
  CallOptions,
  GenerateResult,
  ResilientModel,
  ResilientStream,
  StreamResult,
} from './pipeline/resilient-model';
export type { Stage, WrapCallInput, WrapTargetInput } from './pipeline/stage';
export type { CommittedStream } from './stream/committed-stream';
export type { StreamTimeouts } from './stream/stream-timeouts';
