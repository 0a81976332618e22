import { embeddingVector, encodeEmbeddingBase64 } from '../content/embedding-vector';
import type { EmbeddingsRequest } from './read-embeddings-request';

/** The `list` of embeddings answering a request. */
export function embeddingsBody(request: EmbeddingsRequest, seed: number, dimensions: number) {
  return {
    object: 'list',
    data: request.inputs.map((text, index) => {
      const vector = embeddingVector(seed, request.model, text, dimensions);
      return {
        object: 'embedding',
        index,
        embedding: request.encoding === 'base64' ? encodeEmbeddingBase64(vector) : vector,
      };
    }),
    model: request.model,
    usage: { prompt_tokens: request.promptTokens, total_tokens: request.promptTokens },
  };
}
