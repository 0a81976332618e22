import type { TargetContext } from '../contract/context';
import type { Stage } from '../contract/stage';

/**
 * Refuses an attempt early, before it queues behind the bulkhead, when the rate limiter would
 * refuse it anyway (`refusalFor`: a pause or a queue longer than the call can wait). It takes no
 * permit: the rate-limit stage itself takes one after the bulkhead, the moment before the request
 * leaves, so a 429's pause also holds every call that was waiting for a bulkhead slot.
 */
export function createRateLimitAdmissionStage<TTarget, TRequest, TResponse, TPart>(
  refusalFor: (request: TRequest, context: TargetContext<TTarget>) => Error | undefined,
): Stage<TTarget, TRequest, TResponse, TPart> {
  return {
    name: 'rate-limit-admission',
    wrapTarget({ request, context, next }) {
      const refusal = refusalFor(request, context);
      return refusal ? Promise.reject(refusal) : next(request);
    },
  };
}
