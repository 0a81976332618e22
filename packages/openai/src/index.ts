export { cacheKey } from './cache-key';
export { callOptionsKey, type OpenAICallOptions, withCallOptions } from './call-options';
export { chatChunkRole } from './chat-chunk-role';
export { classifyOpenAIError } from './classify-openai-error';
export { createOpenAIBinding, type OpenAIBinding } from './create-openai-binding';
export { createResilientOpenAI } from './create-resilient-openai';
export { estimateTokens } from './estimate-tokens';
export type {
  ChatBody,
  EmbeddingsBody,
  ForwardedRequestOptions,
  OpenAIEndpoint,
  OpenAIRequest,
  ResponsesBody,
  SdkRequestOptions,
} from './openai-request';
export type { OpenAIResponse, OpenAIResult, OpenAIStreamPart } from './openai-response';
export type { ModelMapping, OpenAITarget } from './openai-target';
export { getProvenance, type OpenAIProvenance } from './provenance';
export type { OpenAIModel, ResilientOpenAI, ResilientOpenAIOptions } from './resilient-openai';
export { responseEventRole } from './response-event-role';
