import {
  assertOptions,
  type Clock,
  type RetryOptions,
  RetryPolicy,
  retryOptionKeys,
  systemClock,
  withoutKeys,
} from '@resilient-llm/policies';
import type { Stage } from '../contract/stage';
import { ClassifiedFailures } from './classified-failures';
import { createModelState } from './model-state';
import { withOptionPrefix } from './with-option-prefix';

// What is retryable and how long the server asked to wait come from the failure taxonomy; the
// deadline is the call's; the clock is the model's.
const ownedByPipeline = ['shouldRetry', 'retryAfterMs', 'deadline', 'clock'] as const;

/** Options of the retry stage: those of `RetryPolicy` except the hooks the pipeline fills in. */
export type RetryStageOptions = Omit<RetryOptions, (typeof ownedByPipeline)[number]>;

/** Every option of {@link RetryStageOptions}: any other key is refused. */
const retryStageOptionKeys = withoutKeys(retryOptionKeys, ownedByPipeline);

/** The pipeline's retry defaults: 3 calls per target, 1 s then x2 with full jitter, 30 s caps. */
export const defaultRetryStageOptions = {
  maxAttempts: 3,
  initialDelayMs: 1_000,
  multiplier: 2,
  maxDelayMs: 30_000,
  jitter: 'full',
  maxServerDelayMs: 30_000,
} as const satisfies RetryStageOptions;

/**
 * Retries one target while its failures are `retryable`, waiting max(backoff, the server's
 * `retryAfterMs`) and never past the call's deadline. A server asking for more than
 * `maxServerDelayMs` ends the target at once with `RetryAfterTooLongError`, so the call falls
 * over instead of waiting. Gives up with `RetriesExhaustedError` (fallbackable when the last
 * failure was).
 *
 * Options are checked here; the model's clock comes with `setup`, which the model calls when
 * it is built. The stage serves one model: setting it up for a second throws
 * `InvalidOptionError`, and running it before setup throws.
 */
export function createRetryStage<TTarget, TRequest, TResponse, TPart>(
  options: RetryStageOptions = {},
): Stage<TTarget, TRequest, TResponse, TPart> {
  assertOptions('retry', options, retryStageOptionKeys);
  // The policy is handed only the error: each attempt's error is classified by its target's
  // context on its way out, and the policy reads that failure.
  const failures = new ClassifiedFailures();
  const policyOn = (clock: Clock) =>
    withOptionPrefix(
      'retry',
      () =>
        new RetryPolicy({
          ...defaultRetryStageOptions,
          ...options,
          clock,
          shouldRetry: (error) => failures.of(error)?.retryable ?? false,
          retryAfterMs: (error) => failures.of(error)?.retryAfterMs,
        }),
    );
  // Options are checked now, before the stage knows its model and clock.
  policyOn(systemClock);
  const model = createModelState('retry', ({ clock }) => policyOn(clock));
  return {
    name: 'retry',
    setup: model.setup,
    wrapTarget: ({ request, context, next }) =>
      model
        .current()
        .execute(
          ({ signal }) => failures.classifyThrown(context, () => next(request, { signal })),
          context.signal,
          { deadline: () => context.deadline.remainingMs() },
        ),
  };
}
