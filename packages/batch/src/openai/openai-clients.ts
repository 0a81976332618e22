import type OpenAI from 'openai';

/** Anything with the SDK's `chat.completions.create`: an `OpenAI` client or a resilient one. */
export interface OpenAIChatClient {
  readonly chat: {
    readonly completions: { readonly create: OpenAI['chat']['completions']['create'] };
  };
}

/** Anything with the SDK's `embeddings.create`: an `OpenAI` client or a resilient one. */
export interface OpenAIEmbeddingClient {
  readonly embeddings: { readonly create: OpenAI['embeddings']['create'] };
}
