import type { CallOptionCheck, CallOutcome, StageSetup, WrapCallInput } from '@resilient-llm/core';
import type { Disposable } from '@resilient-llm/policies';
import type { CacheEventOf, CacheEventType } from './cache-event';
import type { CacheStats } from './cache-stats';

/**
 * A call-level stage of `createResilientModel()` that answers identical requests from a
 * store, shares identical calls in flight, and records and replays streams. It is a core
 * `Stage` of every model whose requests and stream parts are a `TRequest` and a `TPart` (of
 * any model when built without a binding or `keyOf`): its hooks are generic over the model's
 * target and response types, so it fits a model without naming them.
 * @typeParam TRequest The request the binding's SDK takes (OpenAI chat or responses params, AI SDK
 * call options); the stage fits every model whose requests are one (any, `unknown`, when built
 * without a binding or `keyOf`).
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part); the stage fits every model whose stream parts are one (any, `unknown`, when
 * built without a binding).
 */
export interface CacheStage<TRequest = unknown, TPart = unknown> {
  /** The stage's name; answers from the cache carry it as `targetId`, its events as `stage`. */
  readonly name: string;
  /** The per-call option it reads: `cache`, a `CacheControl`, checked before the call starts. */
  readonly callOptions: { readonly cache: CallOptionCheck };
  /**
   * Called by `createResilientModel` once: the stage takes the model's binding and first
   * target for what its options leave out, and sends its events into the model's event
   * stream. A stage serves one model: a second setup throws `InvalidOptionError`.
   * @typeParam TTarget The model's target type (an OpenAI client and model, an AI SDK model),
   * inferred from `model`.
   * @typeParam TModelRequest The model's request type, a `TRequest`, inferred from `model`.
   * @typeParam TResponse The model's response type, inferred from `model`.
   * @typeParam TModelPart The model's stream-part type, a `TPart`, inferred from `model`.
   */
  setup<TTarget, TModelRequest extends TRequest, TResponse, TModelPart extends TPart>(
    model: StageSetup<TTarget, TModelRequest, TResponse, TModelPart>,
  ): void;
  /**
   * Runs once per call, outside the fallback chain. A hit answers with what a miss of the
   * same model stored, so it has the model's response type.
   * @typeParam TTarget The model's target type (an OpenAI client and model, an AI SDK model),
   * inferred from `input`.
   * @typeParam TModelRequest The model's request type, a `TRequest`, inferred from `input`.
   * @typeParam TResponse The model's response type, inferred from `input`; a hit answers with one a
   * miss stored.
   * @typeParam TModelPart The model's stream-part type, a `TPart`, inferred from `input`.
   */
  wrapCall<TTarget, TModelRequest extends TRequest, TResponse, TModelPart extends TPart>(
    input: WrapCallInput<TTarget, TModelRequest, TResponse, TModelPart>,
  ): Promise<CallOutcome<TTarget, TResponse, TModelPart>>;
  /**
   * Subscribes to one type of cache event: the same events the model's `on` and `telemetry`
   * get, and, for a stage used outside a model, the only way to hear them.
   * @typeParam TType The event type listened to (`'cache-hit'`, ...), inferred from `type`; it
   * narrows the listener's event.
   */
  on<TType extends CacheEventType>(
    type: TType,
    listener: (event: CacheEventOf<TType>) => void,
  ): Disposable;
  /** Running totals since the stage was created (a copy). */
  stats(): CacheStats;
}
