export { answerSchemaOf } from './answer-schema-of';
export {
  type AiSdkBatchSenderOptions,
  createAiSdkBatchSender,
} from './create-ai-sdk-batch-sender';
export {
  type AiSdkEmbeddingSenderOptions,
  createAiSdkEmbeddingSender,
} from './create-ai-sdk-embedding-sender';
