import type { Stage } from '../contract/stage';
import { createAttemptTimeoutStage } from './attempt-timeout-stage';
import { type BulkheadStageOptions, createBulkheadStage } from './bulkhead-stage';
import {
  type CircuitBreakerStageOptions,
  createCircuitBreakerStage,
} from './circuit-breaker-stage';
import { createRateLimitStage, type RateLimitStageOptions } from './rate-limit-stage';
import { createRetryStage, type RetryStageOptions } from './retry-stage';

/** Which built-in stages a model runs, each `false` when switched off. */
export interface BuiltInStageOptions {
  retry: RetryStageOptions | false;
  circuitBreaker: CircuitBreakerStageOptions | false;
  rateLimit: RateLimitStageOptions | false;
  bulkhead: BulkheadStageOptions | false;
  attemptTimeoutMs: number | undefined;
}

/**
 * The built-in per-target stages in their documented order, outermost first:
 * retry -> circuit breaker -> rate-limit admission -> bulkhead -> rate-limit permit -> attempt
 * timeout.
 *
 * The permit is taken after the bulkhead, the moment before the request leaves, so a 429's
 * pause holds calls that were waiting for a bulkhead slot too, and no permit is spent on a
 * call the bulkhead refuses. With a bulkhead, an admission check before it refuses at once the
 * calls the limiter would refuse anyway, so they fall over without waiting for a slot.
 *
 * Each stage comes from its public factory with its options only; the model sets them up like
 * any stage of yours.
 */
export function createBuiltInStages<TTarget, TRequest, TResponse, TPart>(
  options: BuiltInStageOptions,
): Stage<TTarget, TRequest, TResponse, TPart>[] {
  const stages: Stage<TTarget, TRequest, TResponse, TPart>[] = [];
  if (options.retry) stages.push(createRetryStage(options.retry));
  if (options.circuitBreaker) stages.push(createCircuitBreakerStage(options.circuitBreaker));
  const rateLimit =
    options.rateLimit &&
    createRateLimitStage<TTarget, TRequest, TResponse, TPart>(options.rateLimit);
  if (options.bulkhead) {
    if (rateLimit) stages.push(rateLimit.admission);
    stages.push(createBulkheadStage(options.bulkhead));
  }
  if (rateLimit) stages.push(rateLimit);
  if (options.attemptTimeoutMs !== undefined && options.attemptTimeoutMs !== Infinity) {
    stages.push(createAttemptTimeoutStage(options.attemptTimeoutMs));
  }
  return stages;
}
