import type { JsonSchema } from './json-schema';

/** One item of a batch, under the id the model must copy into its answer. */
export interface PromptBatchItem {
  /** Unique within its batch: `1`, `2`, ... */
  readonly id: string;
  /** The caller's prompt. */
  readonly prompt: string;
}

/** One request's worth of items, ready for a sender to turn into a provider request. */
export interface PromptBatch {
  /** The items, in the order their callers arrived. */
  readonly items: readonly PromptBatchItem[];
  /** System text: how to answer a batch, then the shared instructions (once per batch). */
  readonly instructions: string;
  /** User text: one line `[id] prompt` per item. */
  readonly prompt: string;
  /** JSON schema of the whole answer: `{ answers: [{ id, answer }] }`. */
  readonly schema: JsonSchema;
  /** A name for the schema, for providers that ask for one. */
  readonly schemaName: string;
}

/**
 * Sends one batch and resolves with the parsed answer (the JSON value the model returned).
 * Throw `MalformedBatchAnswerError` when the answer is unreadable, so that each item is
 * retried on its own; any other error becomes the error of every item of the batch.
 */
export type BatchSender = (
  batch: PromptBatch,
  options: { signal: AbortSignal },
) => Promise<unknown>;
