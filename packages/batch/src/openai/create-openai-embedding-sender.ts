import type { EmbeddingCreateParams } from 'openai/resources/embeddings';
import type { EmbeddingSender } from '../embedding/embedding-sender';
import { requireFunction } from '../options/require-function';
import { requireModel } from '../options/require-model';
import type { OpenAIEmbeddingClient } from './openai-clients';

/** Options of `createOpenAIEmbeddingSender`. */
export interface OpenAIEmbeddingSenderOptions {
  /** An `OpenAI` client, or one from `createResilientOpenAI` to send through the pipeline. Required. */
  readonly client: OpenAIEmbeddingClient;
  /** The embedding model. Required. */
  readonly model: string;
  /** Other fields of every request (`dimensions`, `user`). Defaults to none. */
  readonly request?: Omit<EmbeddingCreateParams, 'model' | 'input' | 'encoding_format'>;
}

/**
 * An embedding sender for the OpenAI SDK's `embeddings.create`: all texts as one `input`
 * array, vectors put back in input order by their `index`. The SDK's default encoding is
 * kept, so each vector is exactly what an unbatched call returns.
 */
export function createOpenAIEmbeddingSender({
  client,
  model,
  request = {},
}: OpenAIEmbeddingSenderOptions): EmbeddingSender {
  requireFunction('client.embeddings.create', client?.embeddings?.create);
  requireModel('model', model);
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
