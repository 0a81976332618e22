import type { EmbeddingModelV4, EmbeddingModelV4CallOptions } from '@ai-sdk/provider';

/** One call of a resilient embedding model, as its stages see it. */
export interface EmbeddingRequest {
  /** The AI SDK's call options; each attempt gets its own `abortSignal`. */
  readonly params: EmbeddingModelV4CallOptions;
  /** The model to call instead of the target's own (set by the middleware). Defaults to the target's model. */
  readonly model?: EmbeddingModelV4;
}
