import type OpenAI from 'openai';

/** The SDK endpoints the resilient client serves. */
export type OpenAIEndpoint = 'chat' | 'responses' | 'embeddings';

// `Parameters` reads the last overload of each method: the one taking any body of the endpoint.

/** The body of a chat completion request, streaming or not. */
export type ChatBody = Parameters<OpenAI['chat']['completions']['create']>[0];
/** The body of a Responses API request, streaming or not. */
export type ResponsesBody = Parameters<OpenAI['responses']['create']>[0];
/** The body of an embeddings request. */
export type EmbeddingsBody = Parameters<OpenAI['embeddings']['create']>[0];

/** Per-request options of the SDK, as callers pass them. */
export type SdkRequestOptions = NonNullable<Parameters<OpenAI['chat']['completions']['create']>[1]>;

/** The SDK's request options the pipeline forwards to every attempt (it owns signal and retries). */
export type ForwardedRequestOptions = Omit<SdkRequestOptions, 'signal' | 'maxRetries'>;

/** One call through the pipeline: which endpoint, the caller's body and request options. */
export type OpenAIRequest =
  | {
      readonly endpoint: 'chat';
      readonly body: ChatBody;
      readonly options?: ForwardedRequestOptions;
    }
  | {
      readonly endpoint: 'responses';
      readonly body: ResponsesBody;
      readonly options?: ForwardedRequestOptions;
    }
  | {
      readonly endpoint: 'embeddings';
      readonly body: EmbeddingsBody;
      readonly options?: ForwardedRequestOptions;
    };
