import {
  type Clock,
  defaultRetryOptions,
  type Jitter,
  type RetryBudget,
  RetryPolicy,
} from '@resilient-llm/policies';
import { retryOptionKeys } from '@resilient-llm/policies/internal';
import { assertOptions, withoutKeys } from '@resilient-llm/policies/validation';
import type { Failure } from '../contract/failure';
import type { Stage } from '../contract/stage';
import { withOptionPrefix } from './with-option-prefix';

// What is retryable and how long the server asked to wait come from the failure taxonomy; the
// deadline is the call's; the clock is the model's.
const ownedByPipeline = ['shouldRetry', 'retryAfterMs', 'deadline', 'clock'] as const;

/**
 * Options of the retry stage: those of `RetryPolicy` except the hooks the pipeline fills in
 * (`shouldRetry`, `retryAfterMs`, `deadline`, `clock`), with the pipeline's defaults.
 */
export interface RetryStageOptions {
  /**
   * Calls made to one target in total, the first one included (3 means 1 call + 2 retries).
   * Defaults to 3 (`defaultRetryStageOptions.maxAttempts`).
   */
  maxAttempts?: number;
  /** How waits are randomised. Defaults to `'full'` (`defaultRetryStageOptions.jitter`). */
  jitter?: Jitter;
  /** Base of the first wait, in milliseconds. Defaults to 1000 (`defaultRetryStageOptions.initialDelayMs`). */
  initialDelayMs?: number;
  /** Growth factor of the backoff between waits. Defaults to 2 (`defaultRetryStageOptions.multiplier`). */
  multiplier?: number;
  /**
   * Cap on each backoff wait, in milliseconds (server-requested waits are not capped by it).
   * Defaults to 30000 (`defaultRetryStageOptions.maxDelayMs`).
   */
  maxDelayMs?: number;
  /**
   * Longest server-requested wait to honour; a longer one ends the target at once with
   * `RetryAfterTooLongError`, so the call falls over to the next target. Defaults to 30000
   * (`defaultRetryStageOptions.maxServerDelayMs`).
   */
  maxServerDelayMs?: number;
  /**
   * When the server-requested wait is the longer one, up to this fraction of it is added at
   * random (unless `jitter` is `'none'`). Defaults to 0.1
   * (`defaultRetryStageOptions.serverDelaySpread`).
   */
  serverDelaySpread?: number;
  /** A budget shared between policies that caps retries across a fleet. Defaults to none. */
  budget?: RetryBudget;
}

/** Every option of {@link RetryStageOptions}: any other key is refused. */
const retryStageOptionKeys = withoutKeys(retryOptionKeys, ownedByPipeline);

/**
 * The pipeline's retry defaults: `RetryPolicy`'s (1 s then x2 with full jitter, 30 s cap on
 * backoff) but 3 calls per target instead of 4, and server waits up to 30 s instead of 60 s,
 * so a target that asks for long waits gives way to the next one.
 */
export const defaultRetryStageOptions = {
  ...defaultRetryOptions,
  maxAttempts: 3,
  maxServerDelayMs: 30_000,
} as const satisfies RetryStageOptions;

/**
 * Retries one target while its failures are `retryable`, waiting max(backoff, the server's
 * `retryAfterMs`) and never past the call's deadline. A server asking for more than
 * `maxServerDelayMs` ends the target at once with `RetryAfterTooLongError`, so the call falls
 * over instead of waiting. Gives up with `RetriesExhaustedError` (fallbackable when the last
 * failure was).
 */
export function createRetryStage<TTarget, TRequest, TResponse, TPart>(
  options: RetryStageOptions = {},
  { clock }: { clock?: Clock } = {},
): Stage<TTarget, TRequest, TResponse, TPart> {
  // Each attempt's error is classified against its own target before the policy asks about it.
  const failures = new WeakMap<object, Failure>();
  assertOptions('retry', options, retryStageOptionKeys);
  const failureOf = (error: unknown) =>
    typeof error === 'object' && error !== null ? failures.get(error) : undefined;
  const policy = withOptionPrefix(
    'retry',
    () =>
      new RetryPolicy({
        ...defaultRetryStageOptions,
        ...options,
        clock,
        shouldRetry: (error) => failureOf(error)?.retryable ?? false,
        retryAfterMs: (error) => failureOf(error)?.retryAfterMs,
      }),
  );
  return {
    name: 'retry',
    wrapTarget: ({ request, context, next }) =>
      policy.execute(
        async ({ signal }) => {
          try {
            return await next(request, { signal });
          } catch (error) {
            if (typeof error === 'object' && error !== null)
              failures.set(error, context.classify(error));
            throw error;
          }
        },
        context.signal,
        { deadline: () => context.deadline.remainingMs() },
      ),
  };
}
