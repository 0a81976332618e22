import type { Failure } from './failure';
import type { Observation } from './observation';

/** What the pipeline hands a binding for one attempt. */
export interface AttemptSignal {
  /** Fires when the attempt must stop: caller abort, a timeout, or the total deadline. */
  readonly signal: AbortSignal;
}

/** An open stream of one attempt, as a binding returns it. */
export interface BindingStream<TPart> {
  /** The parts, in order. Iteration ends after the last part; errors are thrown from it. */
  readonly parts: AsyncIterable<TPart>;
  /** What the response headers said (available when the stream opened). */
  readonly observation?: Observation;
  /**
   * What the attempt opened that a caller may need beside the parts: the SDK's raw response,
   * the provider's response head and headers. The pipeline hands it on untouched as the
   * committed stream's `opened`; it is never read, stored or reported.
   */
  readonly opened?: unknown;
}

/**
 * The role of one stream part at the commit point.
 *
 * - `preamble`: metadata before any content (buffered, replayed once, never emitted twice).
 * - `content`: the first one commits the stream to its target.
 * - `finish`: proves the stream completed; a stream that ends without one has failed.
 * - `error`: an error delivered as a part; the pipeline treats it as thrown ({@link Binding.partError}).
 * - `other`: anything else, passed through in order.
 */
export type StreamPartRole = 'preamble' | 'content' | 'finish' | 'error' | 'other';

/**
 * Who would answer a request, for a response cache ({@link Binding.cacheScope}): the cache
 * keys entries by `endpoint` and by a keyed hash (HMAC-SHA-256) of `credentials`, so that
 * callers with other credentials or another endpoint never get each other's answers. The
 * credentials are secrets: a cache never stores, logs or reports them.
 */
export interface CacheScope {
  /** Where the request would go: a base URL, or a provider and model when there is none. */
  readonly endpoint: string;
  /**
   * What the request would be sent with that identifies the account: API keys, the values of
   * `authorization`, `api-key` or `x-api-key` headers (the client's and the call's own),
   * organization and project ids. An object stands for credentials the binding cannot read
   * (a client whose key comes from a function): it is keyed by its identity in this process.
   * `undefined` values are left out.
   */
  readonly credentials: Readonly<Record<string, string | object | undefined>>;
}

/**
 * What an adapter supplies so the pipeline can drive a model that only generates (an
 * embedding model): a model built on it serves `generate`, and its `stream` rejects with a
 * `TypeError` before anything is sent. A binding that also streams is a {@link Binding}.
 */
export interface GenerateBinding<TTarget, TRequest, TResponse> {
  /** A stable, unique name for a target: used in events, errors, breaker and limiter state. */
  targetId(target: TTarget): string;
  /** One non-streaming attempt. */
  generate(target: TTarget, request: TRequest, attempt: AttemptSignal): Promise<TResponse>;
  /** Classifies an error thrown by `generate`, `stream` or a stream's iteration. */
  classify(error: unknown, target: TTarget): Failure;
  /** Rate-limit snapshot and usage of a successful response. */
  observe?(response: TResponse): Observation | undefined;
  /** Canonical key material of the output-affecting fields, for the response cache. */
  cacheKey?(request: TRequest, target: TTarget): unknown;
  /** The endpoint and credentials `request` would be sent with to `target`, for the response cache. */
  cacheScope?(request: TRequest, target: TTarget): CacheScope | Promise<CacheScope>;
  /**
   * What a response cache stores of a response: what a replay needs, without echoes of the
   * prompt (a request body, echoed instructions). Defaults to the response as it is.
   */
  cacheResponse?(response: TResponse): TResponse;
  /** Input tokens plus maximum output tokens, for token-per-minute permits. */
  estimateTokens?(request: TRequest): number;
  /**
   * Throws (an `InvalidOptionError` naming the field) when this binding cannot serve `request`
   * as a `mode` call, e.g. a body that does not ask for a stream passed to `stream()`. The model
   * calls it before anything is armed or sent. Defaults to accepting every request.
   */
  checkRequest?(request: TRequest, mode: 'generate' | 'stream'): void;
}

/**
 * What an adapter supplies so the pipeline can drive its SDK, streaming or not. Generic over
 * the adapter's own target, request, response and stream-part types: the pipeline never
 * translates between SDKs.
 */
export interface Binding<TTarget, TRequest, TResponse, TPart>
  extends GenerateBinding<TTarget, TRequest, TResponse> {
  /** One streaming attempt; resolves once the stream is open. */
  stream(target: TTarget, request: TRequest, attempt: AttemptSignal): Promise<BindingStream<TPart>>;
  /** The role of a stream part at the commit point. */
  partRole(part: TPart): StreamPartRole;
  /** Usage or rate-limit information carried by a part (usually the finish part). */
  observePart?(part: TPart): Observation | undefined;
  /** The error carried by a part whose role is `error`. */
  partError?(part: TPart): unknown;
  /** What a response cache stores of a stream part, as `cacheResponse`. Defaults to the part as it is. */
  cachePart?(part: TPart): TPart;
  /**
   * What a response cache stores of what a stream opened ({@link BindingStream.opened}), to
   * give it back on a hit, as `cacheResponse`. Defaults to it as it is.
   */
  cacheOpened?(opened: unknown): unknown;
}

/** The binding a model is built on: one that streams, or one that only generates. */
export type ModelBinding<TTarget, TRequest, TResponse, TPart> =
  | Binding<TTarget, TRequest, TResponse, TPart>
  | GenerateBinding<TTarget, TRequest, TResponse>;
