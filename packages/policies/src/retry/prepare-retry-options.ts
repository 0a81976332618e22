import { AbortedError } from '../errors/aborted-error';
import { type Clock, systemClock } from '../time/clock';
import {
  assertClock,
  assertFunction,
  assertMethods,
  assertNumber,
  assertOneOf,
  assertOptions,
} from '../validation/validate';
import type { BackoffSettings } from './backoff';
import { type RetryBudget, retryBudgetMethods } from './retry-budget';
import {
  defaultRetryOptions,
  type RetryDeadline,
  type RetryOptions,
  retryOptionKeys,
} from './retry-options';

/** {@link RetryOptions} with defaults applied and values checked. */
export interface RetrySettings extends BackoffSettings {
  readonly maxAttempts: number;
  readonly shouldRetry: (error: unknown, attempt: number) => boolean;
  readonly retryAfterMs: ((error: unknown) => number | undefined) | undefined;
  readonly maxServerDelayMs: number;
  readonly serverDelaySpread: number;
  readonly deadline: RetryDeadline | undefined;
  readonly budget: RetryBudget | undefined;
  readonly clock: Clock;
}

/**
 * Applies defaults and validates; throws `InvalidOptionError` naming the bad field, or an
 * unknown key with the option it most likely means.
 */
export function prepareRetryOptions(options: RetryOptions): RetrySettings {
  assertOptions('', options, retryOptionKeys);
  return checkedSettings(options);
}

function checkedSettings({
  maxAttempts = defaultRetryOptions.maxAttempts,
  jitter = defaultRetryOptions.jitter,
  initialDelayMs = defaultRetryOptions.initialDelayMs,
  multiplier = defaultRetryOptions.multiplier,
  maxDelayMs = defaultRetryOptions.maxDelayMs,
  shouldRetry = isNotAborted,
  retryAfterMs,
  maxServerDelayMs = defaultRetryOptions.maxServerDelayMs,
  serverDelaySpread = defaultRetryOptions.serverDelaySpread,
  deadline,
  budget,
  clock = systemClock,
}: RetryOptions): RetrySettings {
  assertNumber('maxAttempts', maxAttempts, { min: 1, integer: true, allowInfinity: true });
  assertOneOf('jitter', jitter, ['full', 'decorrelated', 'none']);
  assertNumber('initialDelayMs', initialDelayMs);
  assertNumber('multiplier', multiplier, { min: 1 });
  assertNumber('maxDelayMs', maxDelayMs, { allowInfinity: true });
  assertFunction('shouldRetry', shouldRetry);
  assertFunction('retryAfterMs', retryAfterMs);
  assertNumber('maxServerDelayMs', maxServerDelayMs, { allowInfinity: true });
  assertNumber('serverDelaySpread', serverDelaySpread, { max: 1 });
  if (typeof deadline !== 'function') assertNumber('deadline', deadline, { allowInfinity: true });
  assertMethods('budget', budget, retryBudgetMethods);
  assertClock('clock', clock);
  return {
    maxAttempts,
    jitter,
    initialDelayMs,
    multiplier,
    maxDelayMs,
    shouldRetry,
    retryAfterMs,
    maxServerDelayMs,
    serverDelaySpread,
    deadline,
    budget,
    clock,
  };
}

function isNotAborted(error: unknown): boolean {
  return !AbortedError.isInstance(error);
}
