import type { Clock } from '@resilient-llm/policies';
import type { Binding } from '../binding/binding';
import type { Failure } from '../failure/failure';
import type { Stage } from '../pipeline/stage';
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
 * retry -> circuit breaker -> rate limiter -> bulkhead -> attempt timeout.
 */
export function createBuiltInStages<TTarget, TRequest, TResponse, TPart>(
  options: BuiltInStageOptions,
  context: {
    clock: Clock;
    binding: Binding<TTarget, TRequest, TResponse, TPart>;
    targetIds: readonly string[];
    classify: (error: unknown) => Failure;
  },
): Stage<TTarget, TRequest, TResponse, TPart>[] {
  const { clock, binding, targetIds, classify } = context;
  const stages: Stage<TTarget, TRequest, TResponse, TPart>[] = [];
  if (options.retry) stages.push(createRetryStage(options.retry, { clock }));
  if (options.circuitBreaker)
    stages.push(createCircuitBreakerStage(options.circuitBreaker, { clock, targetIds, classify }));
  if (options.rateLimit) {
    const estimateTokens = binding.estimateTokens?.bind(binding);
    stages.push(createRateLimitStage(options.rateLimit, { clock, targetIds, estimateTokens }));
  }
  if (options.bulkhead) stages.push(createBulkheadStage(options.bulkhead, { clock, targetIds }));
  if (options.attemptTimeoutMs !== undefined && options.attemptTimeoutMs !== Infinity) {
    stages.push(createAttemptTimeoutStage(options.attemptTimeoutMs, { clock }));
  }
  return stages;
}
