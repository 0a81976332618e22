import type { Clock } from '@resilient-llm/core';
import {
  assertClock,
  assertFunction,
  assertNumber,
  assertOptions,
  assertRequired,
  optionKeys,
} from '@resilient-llm/core/binding';
import type { EmbeddingSender } from './embedding-sender';

/** Options of `createEmbeddingCoalescer`. */
export interface EmbeddingCoalescerOptions {
  /** Embeds one batch of texts. Required. */
  readonly send: EmbeddingSender;
  /**
   * Most texts in one request: the provider's limit of inputs per call (OpenAI: 2048).
   * Defaults to 2048 (`defaultEmbeddingCoalescerOptions.maxBatchSize`).
   */
  readonly maxBatchSize?: number;
  /**
   * Longest time the first text of a batch waits for others, in ms. Defaults to 10
   * (`defaultEmbeddingCoalescerOptions.maxWaitMs`).
   */
  readonly maxWaitMs?: number;
  /** Timers of the batching window. Defaults to the global timers, read at call time. */
  readonly clock?: Clock;
}

/** The values `createEmbeddingCoalescer` applies to the {@link EmbeddingCoalescerOptions} left out. */
export const defaultEmbeddingCoalescerOptions = {
  maxBatchSize: 2048,
  maxWaitMs: 10,
} as const satisfies Partial<EmbeddingCoalescerOptions>;

/** Every option of {@link EmbeddingCoalescerOptions}: any other key is refused. */
const embeddingCoalescerOptionKeys = optionKeys<EmbeddingCoalescerOptions>({
  send: true,
  maxBatchSize: true,
  maxWaitMs: true,
  clock: true,
});

/**
 * Validates the options of `createEmbeddingCoalescer`: throws `InvalidOptionError` naming
 * the bad field, or an unknown key with the option it most likely means.
 */
export function assertEmbeddingCoalescerOptions(options: EmbeddingCoalescerOptions): void {
  assertRequired('options', options);
  assertOptions('', options, embeddingCoalescerOptionKeys);
  assertRequired('send', options.send);
  assertFunction('send', options.send);
  assertNumber('maxBatchSize', options.maxBatchSize, { min: 1, integer: true });
  assertNumber('maxWaitMs', options.maxWaitMs);
  assertClock('clock', options.clock);
}
