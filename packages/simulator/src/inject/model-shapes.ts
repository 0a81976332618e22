// The AI SDK model shapes the in-process wrappers need, written out here so the published
// types import nothing from `@ai-sdk/provider` (an optional peer): the AI SDK's own
// `LanguageModelV4` and `EmbeddingModelV4` fit them, and a wrapper gives back its input's type.

/** What a wrapper reads of a call's options: the signal that ends hangs and delays. */
interface CallSignal {
  readonly abortSignal?: AbortSignal;
}

/** A part of a model's stream (the AI SDK's `LanguageModelV4StreamPart`): each has a `type`. */
export interface ModelStreamPart {
  readonly type: string;
}

/**
 * What {@link injectLanguageModelFaults} needs of a model: the members of the AI SDK's
 * `LanguageModelV4` (`@ai-sdk/provider`), typed loosely enough for any version-4 model.
 */
export interface FaultInjectableLanguageModel {
  readonly specificationVersion: 'v4';
  readonly provider: string;
  readonly modelId: string;
  readonly supportedUrls: unknown;
  doGenerate(options: CallSignal & { readonly prompt: unknown }): PromiseLike<unknown>;
  doStream(
    options: CallSignal & { readonly prompt: unknown },
  ): PromiseLike<{ readonly stream: ReadableStream<ModelStreamPart> }>;
}

/**
 * The model {@link injectLanguageModelFaults} returns: the `LanguageModelV4` members of
 * `Model`, with `Model`'s own types (given a `LanguageModelV4`, a `LanguageModelV4`).
 */
export type FaultInjectedLanguageModel<Model extends FaultInjectableLanguageModel> = Pick<
  Model,
  keyof FaultInjectableLanguageModel
>;

/**
 * What {@link injectEmbeddingModelFaults} needs of a model: the members of the AI SDK's
 * `EmbeddingModelV4` (`@ai-sdk/provider`).
 */
export interface FaultInjectableEmbeddingModel {
  readonly specificationVersion: 'v4';
  readonly provider: string;
  readonly modelId: string;
  readonly maxEmbeddingsPerCall: unknown;
  readonly supportsParallelCalls: unknown;
  doEmbed(options: CallSignal & { readonly values: readonly unknown[] }): PromiseLike<unknown>;
}

/**
 * The model {@link injectEmbeddingModelFaults} returns: the `EmbeddingModelV4` members of
 * `Model`, with `Model`'s own types (given an `EmbeddingModelV4`, an `EmbeddingModelV4`).
 */
export type FaultInjectedEmbeddingModel<Model extends FaultInjectableEmbeddingModel> = Pick<
  Model,
  keyof FaultInjectableEmbeddingModel
>;
