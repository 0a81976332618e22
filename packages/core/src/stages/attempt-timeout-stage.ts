import { type Clock, TimeoutPolicy } from '@resilient-llm/policies';
import type { Stage } from '../contract/stage';

/**
 * Bounds each attempt to `timeoutMs`: a plain call until its response, a stream until its
 * commit point (after that the stream timeouts apply). Expiry aborts the attempt and fails it
 * with a retryable, fallbackable `TimeoutError` of phase `attempt`.
 */
export function createAttemptTimeoutStage<TTarget, TRequest, TResponse, TPart>(
  timeoutMs: number,
  { clock }: { clock?: Clock } = {},
): Stage<TTarget, TRequest, TResponse, TPart> {
  const policy = new TimeoutPolicy({ timeoutMs, phase: 'attempt', clock });
  return {
    name: 'attempt-timeout',
    wrapTarget: ({ request, context, next }) =>
      policy.execute(({ signal }) => next(request, { signal }), context.signal),
  };
}
