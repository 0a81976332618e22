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
