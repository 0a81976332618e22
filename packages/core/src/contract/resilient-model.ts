import type { Disposable } from '@resilient-llm/policies';
import type { BindingStream } from './binding';
import type { Observation, Usage } from './observation';
import type { Provenance } from './outcome';
import type { PipelineEventOf, PipelineEventType } from './pipeline-event';

/**
 * Per-call options: the pipeline's own, and those of the stages a model runs. Every stage
 * sees them as `context.options`. A package whose stage reads a per-call option declares it
 * here by module augmentation and validates it with {@link Stage.callOptions}; a key that no
 * stage of the model declares is refused.
 */
export interface CallOptions {
  /** Cancels the call: the attempt in flight stops and the call rejects at once with `AbortedError`. Defaults to none. */
  signal?: AbortSignal;
  /** Total deadline of this call, spanning retries, waits and fallbacks. Defaults to the model's `timeoutMs`. */
  timeoutMs?: number;
  /** Your own data for this call, for your stages and event listeners; never sent upstream. Defaults to none. */
  metadata?: Readonly<Record<string, unknown>>;
}

/** The per-call options of the pipeline itself; stages declare theirs with {@link Stage.callOptions}. */
export const callOptionKeys = [
  'signal',
  'timeoutMs',
  'metadata',
] as const satisfies readonly (keyof CallOptions)[];

/**
 * The answer of `generate`, with which target gave it.
 * @typeParam TTarget What a target is for the binding (an OpenAI client and model, an AI SDK
 * model).
 * @typeParam TResponse The response the binding's SDK gives for one non-streaming attempt.
 */
export interface GenerateResult<TTarget, TResponse> extends Provenance<TTarget> {
  readonly response: TResponse;
  /** What the response said about rate limits and usage (undefined when served by a call-level stage). */
  readonly observation?: Observation;
}

/**
 * A committed stream, iterable once, also available as a Web `ReadableStream`.
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part).
 */
export interface ResilientStream<TPart> extends AsyncIterable<TPart> {
  /** The same parts as a Web `ReadableStream` (use either this or iteration, not both). */
  toReadableStream(): ReadableStream<TPart>;
  /** Stops the stream and closes the connection. Idempotent. */
  cancel(reason?: unknown): void;
  /** Settles (never rejects) once the stream has finished, failed or been cancelled, read or not. */
  readonly settled: Promise<void>;
  /** The latest token usage the stream reported (usually with its finish part); `undefined` before. */
  readonly usage: Usage | undefined;
  /** What the committed attempt opened, as its binding gave it ({@link BindingStream.opened}). */
  readonly opened: unknown;
}

/**
 * The answer of `stream`: resolves at the commit point, with which target committed.
 * @typeParam TTarget What a target is for the binding (an OpenAI client and model, an AI SDK
 * model).
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part).
 */
export interface StreamResult<TTarget, TPart> extends Provenance<TTarget> {
  readonly stream: ResilientStream<TPart>;
}

/**
 * A fallback chain of targets behind one pipeline of stages.
 * @typeParam TTarget What a target is for the binding (an OpenAI client and model, an AI SDK
 * model).
 * @typeParam TRequest The request the binding's SDK takes (OpenAI chat or responses params, AI SDK
 * call options).
 * @typeParam TResponse The response the binding's SDK gives for one non-streaming attempt.
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part).
 */
export interface ResilientModel<TTarget, TRequest, TResponse, TPart> {
  /** The targets, in fallback order. */
  readonly targets: readonly TTarget[];
  /** One non-streaming call through the pipeline. */
  generate(request: TRequest, options?: CallOptions): Promise<GenerateResult<TTarget, TResponse>>;
  /**
   * One streaming call. Resolves once a target has committed (its first content part, or a
   * finish part); failures before that are retried or fall over invisibly.
   */
  stream(request: TRequest, options?: CallOptions): Promise<StreamResult<TTarget, TPart>>;
  /**
   * Subscribes to one type of pipeline event.
   * @typeParam TType The event type listened to (`'fallback'`, ...), inferred from `type`; it
   * narrows the listener's event.
   */
  on<TType extends PipelineEventType>(
    type: TType,
    listener: (event: PipelineEventOf<TType>) => void,
  ): Disposable;
}
