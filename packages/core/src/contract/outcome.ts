import type { CommittedStream } from './committed-stream';
import type { Observation } from './observation';

/**
 * A successful non-streaming attempt.
 * @typeParam TResponse The response the binding's SDK gives for one non-streaming attempt.
 */
export interface GenerateOutcome<TResponse> {
  readonly mode: 'generate';
  readonly response: TResponse;
  /** What the response said about rate limits and usage. */
  readonly observation?: Observation;
}

/**
 * A streaming attempt that reached its commit point.
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part).
 */
export interface StreamOutcome<TPart> {
  readonly mode: 'stream';
  readonly stream: CommittedStream<TPart>;
  /** What the response headers said when the stream opened. */
  readonly observation?: Observation;
}

/**
 * What one attempt on one target produced.
 * @typeParam TResponse The response the binding's SDK gives for one non-streaming attempt.
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part).
 */
export type AttemptOutcome<TResponse, TPart> = GenerateOutcome<TResponse> | StreamOutcome<TPart>;

/**
 * Which target answered a call, and after how many attempts in all.
 * @typeParam TTarget What a target is for the binding (an OpenAI client and model, an AI SDK
 * model).
 */
export interface Provenance<TTarget> {
  /** The target that answered (undefined when a call-level stage such as a cache answered). */
  readonly target: TTarget | undefined;
  /** Its id, or the answering stage's name (e.g. `cache`). */
  readonly targetId: string;
  /** Its position in the chain, or -1 when a call-level stage answered. */
  readonly targetIndex: number;
  /** Attempts started across all targets during this call. */
  readonly attempts: number;
}

/**
 * What a whole call produced: the outcome plus its provenance.
 * @typeParam TTarget What a target is for the binding (an OpenAI client and model, an AI SDK
 * model).
 * @typeParam TResponse The response the binding's SDK gives for one non-streaming attempt.
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part).
 */
export type CallOutcome<TTarget, TResponse, TPart> = AttemptOutcome<TResponse, TPart> &
  Provenance<TTarget>;
