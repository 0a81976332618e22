import type { Clock } from '@resilient-llm/core';
import type { EmbeddingSender } from './embedding-sender';

/** Options of `createEmbeddingCoalescer`. */
export interface EmbeddingCoalescerOptions {
  /** Embeds one batch of texts. Required. */
  readonly send: EmbeddingSender;
  /**
   * Most texts in one request: the provider's limit of inputs per call (OpenAI: 2048).
   * Defaults to `2048`.
   */
  readonly maxBatchSize?: number;
  /** Longest time the first text of a batch waits for others, in ms. Defaults to `10`. */
  readonly maxWaitMs?: number;
  /** Timers of the batching window. Defaults to the global timers, read at call time. */
  readonly clock?: Clock;
}
