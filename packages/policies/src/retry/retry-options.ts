import type { Clock } from '../time/clock';
import { optionKeys } from '../validation/option-keys';
import type { Jitter } from './backoff';
import type { RetryBudget } from './retry-budget';

/**
 * A point after which no wait may end: epoch milliseconds, or a function returning the
 * milliseconds that remain (e.g. `() => deadline.remainingMs()`).
 */
export type RetryDeadline = number | (() => number);

/** Options of {@link RetryPolicy}. */
export interface RetryOptions {
  /** Calls made in total, the first one included (not retries: 4 means 1 call + 3 retries). Defaults to 4 (`defaultRetryOptions.maxAttempts`). */
  maxAttempts?: number;
  /** How waits are randomised. Defaults to `'full'` (`defaultRetryOptions.jitter`). */
  jitter?: Jitter;
  /** Base of the first wait, in milliseconds. Defaults to 1000 (`defaultRetryOptions.initialDelayMs`). */
  initialDelayMs?: number;
  /** Growth factor of the backoff between waits. Defaults to 2 (`defaultRetryOptions.multiplier`). */
  multiplier?: number;
  /** Cap on each backoff wait, in milliseconds (server-requested waits are not capped by it). Defaults to 30000 (`defaultRetryOptions.maxDelayMs`). */
  maxDelayMs?: number;
  /**
   * Decides whether an error is worth another call; `attempt` is the 1-based number of the
   * call that failed. Errors it rejects are rethrown unchanged. Defaults to retrying every
   * error except `AbortedError`.
   */
  shouldRetry?: (error: unknown, attempt: number) => boolean;
  /**
   * The wait the server asked for after this error (e.g. from `Retry-After`), in
   * milliseconds; the policy waits max(backoff, this). Defaults to none.
   */
  retryAfterMs?: (error: unknown) => number | undefined;
  /**
   * Longest server-requested wait to honour. Longer requests end the call at once with
   * `RetryAfterTooLongError`, so a caller can switch target instead. Defaults to 60000
   * (`defaultRetryOptions.maxServerDelayMs`).
   */
  maxServerDelayMs?: number;
  /**
   * When the server-requested wait is the longer one, up to this fraction of it is added at
   * random (unless `jitter` is `'none'`), so calls told to wait the same time do not all come
   * back at the same instant. The wait never falls short of what the server asked. Defaults to 0.1
   * (`defaultRetryOptions.serverDelaySpread`).
   */
  serverDelaySpread?: number;
  /** No wait may end past this; the policy gives up instead. Defaults to none. */
  deadline?: RetryDeadline;
  /** A budget shared between policies that caps retries across a fleet. Defaults to none. */
  budget?: RetryBudget;
  /** Source of time for waits and the deadline. Defaults to the system clock. */
  clock?: Clock;
}

/** The values {@link RetryPolicy} applies to the {@link RetryOptions} left out. */
export const defaultRetryOptions = {
  maxAttempts: 4,
  jitter: 'full',
  initialDelayMs: 1_000,
  multiplier: 2,
  maxDelayMs: 30_000,
  maxServerDelayMs: 60_000,
  serverDelaySpread: 0.1,
} as const satisfies RetryOptions;

/** Every option of {@link RetryOptions}: any other key is refused. */
export const retryOptionKeys = optionKeys<RetryOptions>({
  maxAttempts: true,
  jitter: true,
  initialDelayMs: true,
  multiplier: true,
  maxDelayMs: true,
  shouldRetry: true,
  retryAfterMs: true,
  maxServerDelayMs: true,
  serverDelaySpread: true,
  deadline: true,
  budget: true,
  clock: true,
});

/** Per-call options of {@link RetryPolicy.execute}. */
export interface RetryExecuteOptions {
  /** No wait of this call may end past this. Defaults to the policy's `deadline`. */
  deadline?: RetryDeadline;
}
