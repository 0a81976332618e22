import { TimeoutPolicy } from '@resilient-llm/policies';
import { assertNumber, assertRequired } from '@resilient-llm/policies/validation';
import type { Stage } from '../contract/stage';
import type { FitsAnyModel } from './fits-any-model';
import { createModelState } from './model-state';

/**
 * Bounds each attempt to `timeoutMs`: a plain call until its response, a stream until its
 * commit point (after that the stream timeouts apply). Expiry aborts the attempt and fails it
 * with a retryable, fallbackable `TimeoutError` of phase `attempt`.
 *
 * `timeoutMs` is checked here; the model's clock comes with `setup`, which the model calls
 * when it is built. The stage serves one model: setting it up for a second throws
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
export function createAttemptTimeoutStage<
  TTarget = FitsAnyModel,
  TRequest = FitsAnyModel,
  TResponse = FitsAnyModel,
  TPart = FitsAnyModel,
>(timeoutMs: number): Stage<TTarget, TRequest, TResponse, TPart> {
  assertRequired('attemptTimeoutMs', timeoutMs);
  assertNumber('attemptTimeoutMs', timeoutMs, { min: 1, allowInfinity: true });
  const model = createModelState(
    'attempt-timeout',
    ({ clock }) => new TimeoutPolicy({ timeoutMs, phase: 'attempt', clock }),
  );
  return {
    name: 'attempt-timeout',
    setup: model.setup,
    wrapTarget: ({ request, context, next }) =>
      model.current().execute(({ signal }) => next(request, { signal }), context.signal),
  };
}
