import type { Stage } from '../contract/stage';
import type { RateLimitStage } from './rate-limit-stage';

/**
 * Refuses an attempt early, before it queues behind the bulkhead, when `rateLimit` would refuse
 * it anyway (a pause or a queue longer than the call can wait). It takes no permit: the
 * rate-limit stage itself takes one after the bulkhead, the moment before the request leaves,
 * so a 429's pause also holds every call that was waiting for a bulkhead slot.
 */
export function createRateLimitAdmissionStage<TTarget, TRequest, TResponse, TPart>(
  rateLimit: RateLimitStage<TTarget, TRequest, TResponse, TPart>,
): Stage<TTarget, TRequest, TResponse, TPart> {
  return {
    name: 'rate-limit-admission',
    wrapTarget({ request, context, next }) {
      const refusal = rateLimit.refusalFor(request, context);
      return refusal ? Promise.reject(refusal) : next(request);
    },
  };
}
