import type { Clock } from '@resilient-llm/core';
import {
  assertClock,
  assertFunction,
  assertNumber,
  assertObject,
  assertOptions,
  assertRequired,
  assertString,
  optionKeys,
} from '@resilient-llm/core/binding';
import { type AnswerSchema, answerSchemaKeys } from './answer-schema';
import type { BatchSender } from './prompt-batch';

/**
 * Options of `createPromptBatcher`.
 * @typeParam TAnswer One item's answer, as `answer` checks it and each caller receives it.
 */
export interface PromptBatcherOptions<TAnswer> {
  /** Sends one batch (see `createOpenAIBatchSender`, `createAiSdkBatchSender`). Required. */
  readonly send: BatchSender;
  /** What one answer looks like, and how it is checked. Defaults to `textAnswer` (a non-empty string). */
  readonly answer?: AnswerSchema<TAnswer>;
  /** Instructions shared by every item, sent once per batch in the system text. Defaults to none. */
  readonly instructions?: string;
  /**
   * Longest time the first item of a batch waits for others, in ms. Defaults to 10
   * (`defaultPromptBatcherOptions.maxWaitMs`).
   */
  readonly maxWaitMs?: number;
  /** Most items in one request. Defaults to 20 (`defaultPromptBatcherOptions.maxBatchSize`). */
  readonly maxBatchSize?: number;
  /**
   * Most estimated tokens of item lines in one request (the rules and shared instructions are
   * not counted); an item larger than this goes alone. Defaults to 4000
   * (`defaultPromptBatcherOptions.maxBatchTokens`).
   */
  readonly maxBatchTokens?: number;
  /** Token estimate of one item line. Defaults to `Math.ceil(text.length / 4)`. */
  readonly estimateTokens?: (text: string) => number;
  /**
   * How many times an item that is missing, invalid or ambiguous in a batch answer (or whose
   * batch answer was malformed) is sent again, each time alone. Defaults to 1
   * (`defaultPromptBatcherOptions.itemRetries`).
   */
  readonly itemRetries?: number;
  /** Timers of the batching window. Defaults to the global timers, read at call time. */
  readonly clock?: Clock;
}

/** The values `createPromptBatcher` applies to the {@link PromptBatcherOptions} left out. */
export const defaultPromptBatcherOptions = {
  maxWaitMs: 10,
  maxBatchSize: 20,
  maxBatchTokens: 4000,
  itemRetries: 1,
} as const satisfies Partial<PromptBatcherOptions<unknown>>;

/** Every option of {@link PromptBatcherOptions}: any other key is refused. */
const promptBatcherOptionKeys = optionKeys<PromptBatcherOptions<unknown>>({
  send: true,
  answer: true,
  instructions: true,
  maxWaitMs: true,
  maxBatchSize: true,
  maxBatchTokens: true,
  estimateTokens: true,
  itemRetries: true,
  clock: true,
});

/**
 * Validates the options of `createPromptBatcher` as given (an absent field takes its
 * default): throws `InvalidOptionError` naming the bad field, or an unknown key with the
 * option it most likely means.
 */
export function assertPromptBatcherOptions(options: PromptBatcherOptions<unknown>): void {
  assertRequired('options', options);
  assertOptions('', options, promptBatcherOptionKeys);
  const { send, answer, instructions, estimateTokens } = options;
  assertRequired('send', send);
  assertFunction('send', send);
  assertOptions('answer', answer, answerSchemaKeys);
  if (answer !== undefined) {
    assertRequired('answer.jsonSchema', answer.jsonSchema);
    assertObject('answer.jsonSchema', answer.jsonSchema);
    assertFunction('answer.validate', answer.validate);
  }
  assertString('instructions', instructions, { allowEmpty: true });
  assertNumber('maxWaitMs', options.maxWaitMs);
  assertNumber('maxBatchSize', options.maxBatchSize, { min: 1, integer: true });
  assertNumber('maxBatchTokens', options.maxBatchTokens, { min: 1, integer: true });
  assertFunction('estimateTokens', estimateTokens);
  assertNumber('itemRetries', options.itemRetries, { integer: true });
  assertClock('clock', options.clock);
}
