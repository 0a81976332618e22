import { ResilientError } from '@resilient-llm/core';

const marker = 'resilient-llm.error.missing-item-answer';
const symbol = Symbol.for(marker);

/**
 * An item got no usable answer: it was missing from the batch answer, its answer failed
 * validation, or the batch answer was malformed, and so it stayed after its retries on its
 * own. `cause` holds the last reason (a validation error, a `MalformedBatchAnswerError`).
 */
export class MissingItemAnswerError extends ResilientError {
  private readonly [symbol] = true;
  /** Requests that carried this item, the first batch included. */
  readonly attempts: number;

  constructor({ attempts, cause }: { attempts: number; cause?: unknown }) {
    super({
      name: 'MissingItemAnswerError',
      message: `No valid answer for this item after ${attempts} request${attempts === 1 ? '' : 's'}.`,
      cause,
    });
    this.attempts = attempts;
  }

  static override isInstance(error: unknown): error is MissingItemAnswerError {
    return ResilientError.hasMarker(error, marker);
  }
}
