import { optionKeys } from '@resilient-llm/core/binding';
import type { EmbeddingCreateParams } from 'openai/resources/embeddings';
import type { EmbeddingSender } from '../embedding/embedding-sender';
import { assertSenderOptions } from './assert-sender-options';
import type { OpenAIEmbeddingClient } from './openai-clients';

// Fields of the request the sender sets itself.
const ownedRequestKeys = ['model', 'input', 'encoding_format'] as const;

/** Options of `createOpenAIEmbeddingSender`. */
export interface OpenAIEmbeddingSenderOptions {
  /** An `OpenAI` client, or one from `createResilientOpenAI` to send through the pipeline. Required. */
  readonly client: OpenAIEmbeddingClient;
  /** The embedding model. Required. */
  readonly model: string;
  /**
   * Other fields of every request (`dimensions`, `user`), passed on as they are; the fields the
   * sender sets itself are refused. Defaults to none.
   */
  readonly request?: Omit<EmbeddingCreateParams, (typeof ownedRequestKeys)[number]>;
}

/** Every option of {@link OpenAIEmbeddingSenderOptions}: any other key is refused. */
const openAIEmbeddingSenderOptionKeys = optionKeys<OpenAIEmbeddingSenderOptions>({
  client: true,
  model: true,
  request: true,
});

/**
 * An embedding sender for the OpenAI SDK's `embeddings.create`: all texts as one `input`
 * array, vectors put back in input order by their `index`. The SDK's default encoding is
 * kept, so each vector is exactly what an unbatched call returns.
 */
export function createOpenAIEmbeddingSender(
  options: OpenAIEmbeddingSenderOptions,
): EmbeddingSender {
  assertSenderOptions(options, {
    knownKeys: openAIEmbeddingSenderOptionKeys,
    clientMethod: ['embeddings', 'create'],
    ownedRequestKeys,
  });
  const { client, model, request = {} } = options;
  return async (texts, { signal }) => {
    const response = await client.embeddings.create(
      { ...request, model, input: [...texts] },
      { signal },
    );
    const vectors: number[][] = [];
    for (const item of response.data) vectors[item.index] = item.embedding;
    return Array.from({ length: Math.max(vectors.length, response.data.length) }, (_, index) => {
      const vector = vectors[index];
      if (!vector) throw new TypeError(`The embedding answer has no vector at index ${index}.`);
      return vector;
    });
  };
}
