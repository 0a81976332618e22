import type { RetriesExhaustedReason } from '../errors/retries-exhausted-error';

/** Emitted before each wait between two calls. */
export interface RetryEvent {
  /** 1-based number of the call that failed; the next call is `attempt + 1`. */
  readonly attempt: number;
  /** The wait about to start, in milliseconds. */
  readonly delayMs: number;
  /** The error of the failed call. */
  readonly error: unknown;
}

/** Why a retry policy stopped retrying: a {@link RetriesExhaustedReason}, a non-retryable error, or an abort. */
export type GiveUpReason = RetriesExhaustedReason | 'not-retryable' | 'aborted';

/** Emitted once when a retry policy stops with an error. */
export interface GiveUpEvent {
  /** Calls made, the first one included. */
  readonly attempts: number;
  /** The error the caller receives. */
  readonly error: unknown;
  /** Why the policy stopped. */
  readonly reason: GiveUpReason;
}
