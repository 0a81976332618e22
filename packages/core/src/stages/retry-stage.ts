import {
  assertOptions,
  type Clock,
  type RetryOptions,
  RetryPolicy,
  retryOptionKeys,
  withoutKeys,
} from '@resilient-llm/policies';
import type { Failure } from '../contract/failure';
import type { Stage } from '../contract/stage';
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
