import { ResilientError } from './resilient-error';
import { RetriesExhaustedError } from './retries-exhausted-error';

const marker = 'resilient-llm.error.retry-after-too-long';
const symbol = Symbol.for(marker);

/**
 * The server asked for a wait longer than the retry policy's `maxServerDelayMs`, so it gave up
 * at once rather than wait: a cue to fall over to another target. Also a
 * {@link RetriesExhaustedError} with reason `retry-after-too-long`.
 */
export class RetryAfterTooLongError extends RetriesExhaustedError {
  private readonly [symbol] = true;
  /** The wait the server asked for. */
  declare readonly retryAfterMs: number;
  /** The longest server-requested wait the policy accepts. */
  readonly maxServerDelayMs: number;

  constructor({
    attempts,
    errors,
    retryAfterMs,
    maxServerDelayMs,
  }: {
    attempts: number;
    errors: readonly unknown[];
    retryAfterMs: number;
    maxServerDelayMs: number;
  }) {
    super({
      attempts,
      errors,
      reason: 'retry-after-too-long',
      retryAfterMs,
      name: 'RetryAfterTooLongError',
      message: `The server asked to wait ${retryAfterMs} ms, more than the ${maxServerDelayMs} ms allowed.`,
    });
    this.maxServerDelayMs = maxServerDelayMs;
  }

  static override isInstance(error: unknown): error is RetryAfterTooLongError {
    return ResilientError.hasMarker(error, marker);
  }
}
