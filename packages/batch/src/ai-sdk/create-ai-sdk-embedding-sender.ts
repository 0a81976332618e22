import {
  assertObject,
  assertOptions,
  assertRequired,
  optionKeys,
} from '@resilient-llm/core/binding';
import { type EmbeddingModel, embedMany } from 'ai';
import type { EmbeddingSender } from '../embedding/embedding-sender';
import { assertAiSdkModel } from '../options/assert-ai-sdk-model';

/** Provider options of an AI SDK call, keyed by provider. */
type ProviderOptions = NonNullable<Parameters<typeof embedMany>[0]['providerOptions']>;

/** Options of `createAiSdkEmbeddingSender`. */
export interface AiSdkEmbeddingSenderOptions {
  /** The embedding model, e.g. one from `createResilientEmbeddingModel`. Required. */
  readonly model: EmbeddingModel;
  /** Provider options of every request. Defaults to none. */
  readonly providerOptions?: ProviderOptions;
}

/** Every option of {@link AiSdkEmbeddingSenderOptions}: any other key is refused. */
const aiSdkEmbeddingSenderOptionKeys = optionKeys<AiSdkEmbeddingSenderOptions>({
  model: true,
  providerOptions: true,
});

/**
 * An embedding sender for the AI SDK: `embedMany` of the batch's texts, with the AI SDK's
 * own retries off. `embedMany` splits a batch larger than the model's `maxEmbeddingsPerCall`
 * itself; set the coalescer's `maxBatchSize` to that limit for one request per batch.
 */
export function createAiSdkEmbeddingSender(options: AiSdkEmbeddingSenderOptions): EmbeddingSender {
  assertRequired('options', options);
  assertOptions('', options, aiSdkEmbeddingSenderOptionKeys);
  const { model, providerOptions } = options;
  assertAiSdkModel('model', model);
  assertObject('providerOptions', providerOptions);
  return async (texts, { signal }) => {
    const { embeddings } = await embedMany({
      model,
      values: [...texts],
      abortSignal: signal,
      maxRetries: 0,
      ...(providerOptions ? { providerOptions } : {}),
    });
    return embeddings;
  };
}
