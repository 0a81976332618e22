import {
  type Clock,
  defaultRetryOptions,
  type Jitter,
  type RetryBudget,
  RetryPolicy,
  systemClock,
} from '@resilient-llm/policies';
import { retryOptionKeys } from '@resilient-llm/policies/internal';
import { assertOptions, withoutKeys } from '@resilient-llm/policies/validation';
import type { Stage } from '../contract/stage';
import { ClassifiedFailures } from './classified-failures';
import { definedOnly } from './defined-only';
import type { FitsAnyModel } from './fits-any-model';
import { createModelState } from './model-state';
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
 *
 * Options are checked here; the model's clock comes with `setup`, which the model calls when
 * it is built. The stage serves one model: setting it up for a second throws
 * `InvalidOptionError`, and running it before setup throws.
 * @typeParam TTarget What a target is for the binding (an OpenAI client and model, an AI SDK
 * model); `FitsAnyModel` (the default) when built without type arguments, so the stage fits any
 * model.
 * @typeParam TRequest The request the binding's SDK takes (OpenAI chat or responses params, AI SDK
 * call options); `FitsAnyModel` (the default) when built without type arguments, so the stage
 * fits any model.
 * @typeParam TResponse The response the binding's SDK gives for one non-streaming attempt;
 * `FitsAnyModel` (the default) when built without type arguments, so the stage fits any model.
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part); `FitsAnyModel` (the default) when built without type arguments, so the stage
 * fits any model.
 */
export function createRetryStage<
  TTarget = FitsAnyModel,
  TRequest = FitsAnyModel,
  TResponse = FitsAnyModel,
  TPart = FitsAnyModel,
>(options: RetryStageOptions = {}): Stage<TTarget, TRequest, TResponse, TPart> {
  assertOptions('retry', options, retryStageOptionKeys);
  // The policy is handed only the error: each attempt's error is classified by its target's
  // context on its way out, and the policy reads that failure.
  const failures = new ClassifiedFailures();
  const given = definedOnly(options);
  const policyOn = (clock: Clock) =>
    withOptionPrefix(
      'retry',
      () =>
        new RetryPolicy({
          ...defaultRetryStageOptions,
          ...given,
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
