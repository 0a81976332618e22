import type { EmbeddingModelV4, EmbeddingModelV4Result } from '@ai-sdk/provider';
import type { ResilientModelOptions } from '@resilient-llm/core';
import { withoutKeys } from '@resilient-llm/core/binding';
import { resilientModelOptionKeys } from '@resilient-llm/core/internal';
import { chainOptionKeys, type ModelEntry, type ModelTarget } from '../target/model-target';
import type { EmbeddingRequest } from './embedding-request';

// Supplied by this package, or meaningless for models that never stream.
const notOptions = ['binding', 'targets', 'streamTimeouts'] as const;

/**
 * The pipeline options of a resilient embedding model or middleware: those of core's
 * `createResilientModel` except `binding`, `targets` and `streamTimeouts`.
 */
export type EmbeddingPolicyOptions = Omit<
  ResilientModelOptions<
    ModelTarget<EmbeddingModelV4>,
    EmbeddingRequest,
    EmbeddingModelV4Result,
    never
  >,
  (typeof notOptions)[number]
>;

/** Every option of {@link EmbeddingPolicyOptions}: any other key is refused. */
export const embeddingPolicyOptionKeys = withoutKeys(resilientModelOptionKeys, notOptions);

/** Options of `createResilientEmbeddingModel`. */
export interface ResilientEmbeddingModelOptions extends EmbeddingPolicyOptions {
  /**
   * The fallback chain of embedding models, tried in order. Vectors of different models live
   * in different spaces: list only deployments of the same model (another region, account or
   * gateway), never a different model, unless you index each model's vectors apart. An
   * entry may be `{ model, id }`; ids default to `provider:modelId`. Required, at least one.
   */
  models: readonly ModelEntry<EmbeddingModelV4>[];
  /** The `provider` reported to the AI SDK. Defaults to `'resilient-llm'` (`defaultChainOptions.provider`). */
  provider?: string;
  /** The `modelId` reported. Defaults to the first model's `modelId`. */
  modelId?: string;
}

/** Every option of {@link ResilientEmbeddingModelOptions}: any other key is refused. */
export const resilientEmbeddingModelOptionKeys = [
  ...embeddingPolicyOptionKeys,
  ...chainOptionKeys,
] as const satisfies readonly (keyof ResilientEmbeddingModelOptions)[];
