import type { Clock, SharedState } from '@resilient-llm/policies';
import type { ModelBinding } from './binding';
import type { CallContext, TargetContext } from './context';
import type { Observation } from './observation';
import type { AttemptOutcome, CallOutcome } from './outcome';
import type { EventSink } from './pipeline-event';

/** Arguments of {@link Stage.wrapCall}. */
export interface WrapCallInput<TTarget, TRequest, TResponse, TPart> {
  readonly request: TRequest;
  readonly context: CallContext;
  /** Runs the rest of the call (inner stages, then the fallback chain). */
  readonly next: (request: TRequest) => Promise<CallOutcome<TTarget, TResponse, TPart>>;
}

/** Arguments of {@link Stage.wrapTarget}. */
export interface WrapTargetInput<TTarget, TRequest, TResponse, TPart> {
  readonly request: TRequest;
  readonly context: TargetContext<TTarget>;
  /**
   * Runs one attempt on this target through the inner stages; may be called again to retry.
   * Pass `signal` to narrow the signal inner stages and the binding see (it must follow
   * `context.signal`).
   */
  readonly next: (
    request: TRequest,
    options?: { signal?: AbortSignal },
  ) => Promise<AttemptOutcome<TResponse, TPart>>;
}

/**
 * What a stage learns about the model it is part of, once, when the model is built
 * ({@link Stage.setup}): everything a built-in stage needs, so no stage is wired by hand.
 */
export interface StageSetup<TTarget, TRequest, TResponse, TPart> {
  /** The model's binding (without `stream` when the model never streams). */
  readonly binding: ModelBinding<TTarget, TRequest, TResponse, TPart>;
  /** The fallback chain, in order. */
  readonly targets: readonly TTarget[];
  /** The id of each target, in the same order. */
  readonly targetIds: readonly string[];
  /** The model's clock. */
  readonly clock: Clock;
  /** The model's event stream, which `model.on` and `telemetry` read. */
  readonly events: EventSink;
  /**
   * The state the model shares with other processes (its `sharedState` option), for stages
   * that keep state per target: key it by target id, as the built-ins do
   * (`rate-limit:<target id>`, `circuit-breaker:<target id>`). Absent when not given.
   */
  readonly sharedState?: SharedState;
}

/**
 * Checks the value of one per-call option a stage reads (`value` is never `undefined`);
 * throws `InvalidOptionError` naming `field` or a path under it.
 */
export type CallOptionCheck = (value: unknown, field: string) => void;

/**
 * One stage of the pipeline: an object of optional hooks, composed like the AI SDK's
 * `wrapLanguageModel` middleware: the first stage listed is the outermost.
 *
 * - `wrapCall` runs once per call, outside the fallback chain (deadline, cache, logging).
 * - `wrapTarget` runs once per target tried, inside the fallback chain (retry, circuit
 *   breaker, rate limiter, bulkhead, attempt timeout). Throwing a fallbackable error from it
 *   (e.g. an open circuit) moves the call on to the next target.
 */
export interface Stage<
  TTarget = unknown,
  TRequest = unknown,
  TResponse = unknown,
  TPart = unknown,
> {
  /** Shown in errors and events. */
  readonly name: string;
  /**
   * Called once when a model is built with this stage, before any call, with what the stage
   * needs to know about the model. A stage that keeps state per model throws
   * `InvalidOptionError` when it is set up for a second model.
   */
  setup?(model: StageSetup<TTarget, TRequest, TResponse, TPart>): void;
  /**
   * The per-call options this stage reads, each with its check (`cache` for the cache stage).
   * The model refuses a per-call key that neither it nor one of its stages declares, and runs
   * each check before the call starts.
   */
  readonly callOptions?: Readonly<Record<string, CallOptionCheck>>;
  wrapCall?(
    input: WrapCallInput<TTarget, TRequest, TResponse, TPart>,
  ): Promise<CallOutcome<TTarget, TResponse, TPart>>;
  wrapTarget?(
    input: WrapTargetInput<TTarget, TRequest, TResponse, TPart>,
  ): Promise<AttemptOutcome<TResponse, TPart>>;
  /**
   * Receives what each response of a target said: rate-limit headers as the stream or
   * response opens, usage when it arrives. Feeds adaptive stages such as the rate limiter.
   */
  observe?(observation: Observation, context: TargetContext<TTarget>): void;
}
