import { ResilientError } from './resilient-error';

const marker = 'resilient-llm.error.rate-limit-wait-too-long';
const symbol = Symbol.for(marker);

/**
 * A rate limiter would make the caller wait longer than its `maxWaitMs`, so it refused at once
 * (or as soon as a pause made the wait grow): a cue to try another target.
 */
export class RateLimitWaitTooLongError extends ResilientError {
  private readonly [symbol] = true;
  /** The expected wait, in milliseconds, before the limiter could grant the request. */
  readonly retryAfterMs: number;
  /** The longest wait the caller accepted. */
  readonly maxWaitMs: number;

  constructor({ retryAfterMs, maxWaitMs }: { retryAfterMs: number; maxWaitMs: number }) {
    super({
      name: 'RateLimitWaitTooLongError',
      message: `The rate limit wait of ${Math.ceil(retryAfterMs)} ms exceeds the ${maxWaitMs} ms allowed.`,
    });
    this.retryAfterMs = retryAfterMs;
    this.maxWaitMs = maxWaitMs;
  }

  static override isInstance(error: unknown): error is RateLimitWaitTooLongError {
    return ResilientError.hasMarker(error, marker);
  }
}
