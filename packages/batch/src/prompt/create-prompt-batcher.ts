import { systemClock } from '@resilient-llm/core';
import { estimateTextTokens } from '@resilient-llm/core/binding';
import { MalformedBatchAnswerError } from '../errors/malformed-batch-answer-error';
import { MissingItemAnswerError } from '../errors/missing-item-answer-error';
import { enqueueCall } from '../queue/enqueue-call';
import { groupSignal } from '../queue/group-signal';
import type { PendingCall } from '../queue/pending-call';
import { createWindowQueue } from '../queue/window-queue';
import { type AnswerSchema, textAnswer } from './answer-schema';
import { composeBatch, itemLine } from './compose-batch';
import type { JsonSchema } from './json-schema';
import {
  assertPromptBatcherOptions,
  defaultPromptBatcherOptions,
  type PromptBatcherOptions,
} from './prompt-batcher-options';
import { readBatchAnswers } from './read-batch-answers';

/**
 * Packs prompts into batch requests and hands each caller its own answer.
 * @typeParam TAnswer One item's answer, as each caller receives it.
 */
export interface PromptBatcher<TAnswer> {
  /**
   * Queues one prompt and resolves with its own answer, or rejects with its own error
   * (`MissingItemAnswerError`, the sender's error, or `AbortedError` when `signal` fires).
   */
  run(prompt: string, options?: { signal?: AbortSignal }): Promise<TAnswer>;
  /** Sends the batch being collected now, without waiting for its window to end. */
  flush(): void;
}

type Call<TAnswer> = PendingCall<string, TAnswer>;

/**
 * Creates a prompt batcher over any "send one batch" function: prompts arriving within
 * `maxWaitMs`, up to `maxBatchSize` items and `maxBatchTokens`, go out as one request asking
 * for a JSON array of answers keyed by item id. Each answer is validated and handed to its
 * own caller; items missing or invalid are retried alone, `itemRetries` times.
 * @typeParam TAnswer One item's answer, inferred from `options.answer`; `string` with the default
 * `textAnswer`.
 */
export function createPromptBatcher<TAnswer = string>(
  options: PromptBatcherOptions<TAnswer>,
): PromptBatcher<TAnswer> {
  assertPromptBatcherOptions(options);
  const {
    send,
    answer = textAnswer as unknown as AnswerSchema<TAnswer>,
    instructions,
    maxWaitMs = defaultPromptBatcherOptions.maxWaitMs,
    maxBatchSize = defaultPromptBatcherOptions.maxBatchSize,
    maxBatchTokens = defaultPromptBatcherOptions.maxBatchTokens,
    estimateTokens = estimateTextTokens,
    itemRetries = defaultPromptBatcherOptions.itemRetries,
    clock = systemClock,
  } = options;

  let answerSchema: Promise<JsonSchema> | undefined;
  const validate = answer.validate ?? acceptPresent<TAnswer>;

  const queue = createWindowQueue<Call<TAnswer>>({
    maxWaitMs,
    maxSize: maxBatchSize,
    maxWeight: maxBatchTokens,
    weigh: (call) => estimateTokens(itemLine({ id: String(maxBatchSize), prompt: call.input })),
    clock,
    flush: (calls) => void sendBatch(calls, 1),
  });

  async function sendBatch(calls: readonly Call<TAnswer>[], attempt: number): Promise<void> {
    const live = calls.filter((call) => !call.settled);
    if (live.length === 0) return;
    const items = live.map((call, index) => ({ id: String(index + 1), prompt: call.input }));
    let retry: { call: Call<TAnswer>; cause: unknown }[] = [];
    try {
      answerSchema ??= Promise.resolve(answer.jsonSchema);
      const batch = composeBatch(items, { instructions, answerSchema: await answerSchema });
      const answerOf = readBatchAnswers(await send(batch, { signal: groupSignal(live) }));
      await Promise.all(
        live.map(async (call, index) => {
          const found = answerOf(items[index]!.id);
          if (found.kind !== 'answered') {
            retry.push({ call, cause: found.kind });
            return;
          }
          try {
            call.resolve(await validate(found.value));
          } catch (error) {
            retry.push({ call, cause: error });
          }
        }),
      );
    } catch (error) {
      if (!MalformedBatchAnswerError.isInstance(error)) {
        for (const call of live) call.reject(error);
        return;
      }
      retry = live.map((call) => ({ call, cause: error }));
    }
    for (const { call, cause } of retry) {
      if (call.settled) continue;
      if (attempt <= itemRetries) void sendBatch([call], attempt + 1);
      else call.reject(new MissingItemAnswerError({ attempts: attempt, cause: describe(cause) }));
    }
  }

  return {
    run: (prompt, { signal } = {}) => enqueueCall(queue, prompt, signal),
    flush: () => queue.flush(),
  };
}

function acceptPresent<TAnswer>(value: unknown): TAnswer {
  if (value === null || value === undefined) throw new TypeError('The answer is empty.');
  return value as TAnswer;
}

function describe(cause: unknown): unknown {
  if (cause === 'missing') return new TypeError('The batch answer has no entry for this item.');
  if (cause === 'ambiguous') {
    return new TypeError('The batch answer has two different entries for this item.');
  }
  return cause;
}
