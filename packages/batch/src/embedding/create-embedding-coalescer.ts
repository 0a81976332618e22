import { systemClock } from '@resilient-llm/core';
import { MalformedBatchAnswerError } from '../errors/malformed-batch-answer-error';
import { enqueueCall } from '../queue/enqueue-call';
import { groupSignal } from '../queue/group-signal';
import type { PendingCall } from '../queue/pending-call';
import { createWindowQueue } from '../queue/window-queue';
import {
  assertEmbeddingCoalescerOptions,
  defaultEmbeddingCoalescerOptions,
  type EmbeddingCoalescerOptions,
} from './embedding-coalescer-options';

/** Turns concurrent single-text embedding calls into batched requests. */
export interface EmbeddingCoalescer {
  /**
   * Embeds one text, batched with the texts of concurrent callers; resolves with its own
   * vector, or rejects with the batch's error (`AbortedError` when `signal` fires).
   */
  embed(text: string, options?: { signal?: AbortSignal }): Promise<number[]>;
  /** Sends the batch being collected now, without waiting for its window to end. */
  flush(): void;
}

type Call = PendingCall<string, number[]>;

/**
 * Creates an embedding coalescer: texts arriving within `maxWaitMs` go out as one request of
 * at most `maxBatchSize` inputs, and each caller gets the vector at its own position. No
 * parsing is involved, so a batched vector is exactly the vector of an unbatched call.
 */
export function createEmbeddingCoalescer(options: EmbeddingCoalescerOptions): EmbeddingCoalescer {
  assertEmbeddingCoalescerOptions(options);
  const {
    send,
    maxBatchSize = defaultEmbeddingCoalescerOptions.maxBatchSize,
    maxWaitMs = defaultEmbeddingCoalescerOptions.maxWaitMs,
    clock = systemClock,
  } = options;

  const queue = createWindowQueue<Call>({
    maxWaitMs,
    maxSize: maxBatchSize,
    maxWeight: Number.POSITIVE_INFINITY,
    weigh: () => 0,
    clock,
    flush: (calls) => void sendBatch(calls),
  });

  async function sendBatch(calls: readonly Call[]): Promise<void> {
    const live = calls.filter((call) => !call.settled);
    if (live.length === 0) return;
    try {
      const texts = live.map((call) => call.input);
      const vectors = await send(texts, { signal: groupSignal(live) });
      if (vectors.length !== texts.length) {
        throw new MalformedBatchAnswerError({
          message: `The embedding answer has ${vectors.length} vectors for ${texts.length} inputs.`,
        });
      }
      for (const [index, call] of live.entries()) call.resolve([...vectors[index]!]);
    } catch (error) {
      for (const call of live) call.reject(error);
    }
  }

  return {
    embed: (text, { signal } = {}) => enqueueCall(queue, text, signal),
    flush: () => queue.flush(),
  };
}
