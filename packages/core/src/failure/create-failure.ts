import type { LocalRefusal, TimeoutPhase } from '@resilient-llm/policies';
import type { Failure, FailureKind } from '../contract/failure';
import type { RateLimitSnapshot } from '../contract/rate-limit-snapshot';
import { failureDefaults } from './failure-defaults';

/** Options of {@link createFailure}; every field is optional. */
export interface CreateFailureOptions {
  /** A short description. Defaults to the kind's description in {@link failureDefaults}. */
  readonly message?: string;
  /** The original error. Defaults to none. */
  readonly cause?: unknown;
  /** HTTP status of the failed response. Left out when not a finite number. Defaults to none. */
  readonly status?: number;
  /** Server-requested wait. Left out when not a finite, non-negative number. Defaults to none. */
  readonly retryAfterMs?: number;
  /** For `timeout`: which limit ran out. Defaults to none. */
  readonly phase?: TimeoutPhase;
  /** For `refused`: which local policy refused. Defaults to none. */
  readonly refusal?: LocalRefusal;
  /** Rate-limit state from the failed response. Left out when it holds nothing. Defaults to none. */
  readonly rateLimit?: RateLimitSnapshot;
  /** Overrides the kind's default. Defaults to the kind's `retryable` in {@link failureDefaults}. */
  readonly retryable?: boolean;
  /** Overrides the kind's default. Defaults to the kind's `fallbackable` in {@link failureDefaults}. */
  readonly fallbackable?: boolean;
}

/**
 * Builds a {@link Failure} of `kind` with the defaults from {@link failureDefaults}. Optional
 * fields that are absent or unusable are left out rather than set to `undefined`.
 *
 * One exception to the table: a `timeout` in the `total` phase is neither retryable nor
 * fallbackable, because the total deadline spans every retry and fallback: nothing is left.
 */
export function createFailure(kind: FailureKind, options: CreateFailureOptions = {}): Failure {
  const defaults = failureDefaults[kind];
  const { message, cause, status, retryAfterMs, phase, refusal, rateLimit } = options;
  const deadlineSpent = kind === 'timeout' && phase === 'total';
  return {
    kind,
    retryable: options.retryable ?? (deadlineSpent ? false : defaults.retryable),
    fallbackable: options.fallbackable ?? (deadlineSpent ? false : defaults.fallbackable),
    ...(typeof status === 'number' && Number.isFinite(status) ? { status } : {}),
    ...(typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0
      ? { retryAfterMs }
      : {}),
    ...(phase !== undefined ? { phase } : {}),
    ...(refusal !== undefined ? { refusal } : {}),
    ...(rateLimit !== undefined && Object.keys(rateLimit).length > 0 ? { rateLimit } : {}),
    message: typeof message === 'string' && message.trim() !== '' ? message : defaults.description,
    cause,
  };
}
