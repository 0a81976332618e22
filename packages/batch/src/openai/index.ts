export {
  createOpenAIBatchSender,
  defaultOpenAIBatchSenderOptions,
  type OpenAIBatchSenderOptions,
} from './create-openai-batch-sender';
export {
  createOpenAIEmbeddingSender,
  type OpenAIEmbeddingSenderOptions,
} from './create-openai-embedding-sender';
export type { OpenAIChatClient, OpenAIEmbeddingClient } from './openai-clients';
