import { ResilientError } from '@resilient-llm/core';

const marker = 'resilient-llm.error.malformed-batch-answer';
const symbol = Symbol.for(marker);

/**
 * A batch answer could not be read as a whole (not JSON, no `answers` array, a refusal, a
 * truncated answer). Senders throw it so that the batcher retries each item on its own
 * instead of failing them all; `text` keeps what the model returned.
 */
export class MalformedBatchAnswerError extends ResilientError {
  private readonly [symbol] = true;
  /** The raw answer, when there was one. */
  readonly text: string | undefined;

  constructor({
    message,
    text,
    cause,
  }: {
    message: string;
    text?: string | undefined;
    cause?: unknown;
  }) {
    super({ name: 'MalformedBatchAnswerError', message, cause });
    this.text = text;
  }

  static override isInstance(error: unknown): error is MalformedBatchAnswerError {
    return ResilientError.hasMarker(error, marker);
  }
}
