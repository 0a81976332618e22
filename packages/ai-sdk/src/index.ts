export { createResilientEmbeddingMiddleware } from './embedding/create-resilient-embedding-middleware';
export { createResilientEmbeddingModel } from './embedding/create-resilient-embedding-model';
export { createEmbeddingBinding, type EmbeddingBinding } from './embedding/embedding-binding';
export type { EmbeddingRequest } from './embedding/embedding-request';
export type {
  EmbeddingPolicyOptions,
  ResilientEmbeddingModelOptions,
} from './embedding/resilient-embedding-model-options';
export { classifyAiSdkError } from './failure/classify-ai-sdk-error';
export { withoutSdkRetry } from './failure/without-sdk-retry';
export {
  createResilientModel,
  type ResilientLanguageModel,
} from './language-model/create-resilient-model';
export {
  createLanguageModelBinding,
  type LanguageModelBinding,
} from './language-model/language-model-binding';
export type { LanguageModelRequest } from './language-model/language-model-request';
export type {
  LanguageModelPolicyOptions,
  LanguageModelStage,
  ResilientLanguageModelOptions,
} from './language-model/resilient-language-model-options';
export { metadataNamespace, type ResilientMetadata } from './metadata/resilient-metadata';
export { createResilientMiddleware } from './middleware/create-resilient-middleware';
export { partRole } from './stream/part-role';
export type { LanguageModelStreamOpened } from './stream/stream-opened';
export { defaultChainOptions, type ModelEntry, type ModelTarget } from './target/model-target';
