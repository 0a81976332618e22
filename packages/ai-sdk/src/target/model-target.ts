/**
 * One entry of a fallback chain, resolved: the model and the id that names it in events,
 * errors, breaker and limiter state, and `providerMetadata.resilientLlm.targetId`.
 * @typeParam TModel The AI SDK model type of the chain (`LanguageModelV4`, `EmbeddingModelV4`).
 */
export interface ModelTarget<TModel> {
  /** The model this target calls. */
  readonly model: TModel;
  /** Stable, unique name of the target. */
  readonly id: string;
}

/**
 * One entry of a fallback chain as you list it: a model, or a model with an id of your choosing
 * (needed when the same provider and model id appear twice, e.g. two accounts or regions).
 * @typeParam TModel The AI SDK model type of the chain (`LanguageModelV4`, `EmbeddingModelV4`).
 */
export type ModelEntry<TModel> =
  | TModel
  | {
      /** The model this target calls. */
      readonly model: TModel;
      /** Stable, unique name of the target. Defaults to `provider:modelId` of the model. */
      readonly id?: string;
    };

/** The values a resilient model or embedding model applies to the chain options left out. */
export const defaultChainOptions = {
  provider: 'resilient-llm',
} as const;

/** The options of a resilient model that name its chain: `models`, `provider`, `modelId`. */
export const chainOptionKeys = ['models', 'provider', 'modelId'] as const;

/** Every key of an entry written `{ model, id }`: any other key is refused. */
export const modelEntryKeys = ['model', 'id'] as const;
