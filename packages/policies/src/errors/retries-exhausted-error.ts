import { ResilientError } from './resilient-error';

const marker = 'resilient-llm.error.retries-exhausted';
const symbol = Symbol.for(marker);

/**
 * Why a retry policy stopped: the attempts ran out (`max-attempts`), the next wait would end
 * past the `deadline`, the shared retry `budget` was spent, or the server asked for a wait
 * longer than allowed (`retry-after-too-long`).
 */
export type RetriesExhaustedReason =
  | 'max-attempts'
  | 'deadline'
  | 'budget'
  | 'retry-after-too-long';

/** A retry policy gave up; `errors` holds every attempt's error, oldest first. */
export class RetriesExhaustedError extends ResilientError {
  private readonly [symbol] = true;
  /** Calls made, the first one included. */
  readonly attempts: number;
  /** The error of each attempt, oldest first. */
  readonly errors: readonly unknown[];
  /** The error of the last attempt (also `cause`). */
  readonly lastError: unknown;
  /** Why the policy stopped. */
  readonly reason: RetriesExhaustedReason;
  /** The wait the server asked for after the last attempt, when it asked. */
  readonly retryAfterMs: number | undefined;

  constructor(options: {
    attempts: number;
    errors: readonly unknown[];
    reason: RetriesExhaustedReason;
    retryAfterMs?: number;
    message?: string;
    name?: string;
  }) {
    const { attempts, errors, reason, retryAfterMs } = options;
    const lastError = errors[errors.length - 1];
    super({
      name: options.name ?? 'RetriesExhaustedError',
      message:
        options.message ??
        `Gave up after ${attempts} attempt${attempts === 1 ? '' : 's'} (${reason}): ${describe(lastError)}`,
      cause: lastError,
    });
    this.attempts = attempts;
    this.errors = errors;
    this.lastError = lastError;
    this.reason = reason;
    this.retryAfterMs = retryAfterMs;
  }

  static override isInstance(error: unknown): error is RetriesExhaustedError {
    return ResilientError.hasMarker(error, marker);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
