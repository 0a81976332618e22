export {
  createEmbeddingCoalescer,
  type EmbeddingCoalescer,
} from './embedding/create-embedding-coalescer';
export {
  defaultEmbeddingCoalescerOptions,
  type EmbeddingCoalescerOptions,
} from './embedding/embedding-coalescer-options';
export type { EmbeddingSender } from './embedding/embedding-sender';
export * from './errors/index';
export { type AnswerSchema, textAnswer } from './prompt/answer-schema';
export { batchSchema } from './prompt/batch-schema';
export { createPromptBatcher, type PromptBatcher } from './prompt/create-prompt-batcher';
export type { JsonSchema } from './prompt/json-schema';
export { parseBatchText } from './prompt/parse-batch-text';
export type { BatchSender, PromptBatch, PromptBatchItem } from './prompt/prompt-batch';
export {
  defaultPromptBatcherOptions,
  type PromptBatcherOptions,
} from './prompt/prompt-batcher-options';
export { type ItemAnswer, readBatchAnswers } from './prompt/read-batch-answers';
