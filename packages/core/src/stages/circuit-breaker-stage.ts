import {
  type CircuitBreakerOptions,
  CircuitBreakerPolicy,
  type Clock,
} from '@resilient-llm/policies';
import type { FailureKind } from '../failure/failure';
import type { Stage } from '../pipeline/stage';
import { type PerTargetOptions, perTarget } from './per-target';

/** Options of the circuit-breaker stage: `CircuitBreakerOptions` (one breaker per target) plus per-target overrides. */
export type CircuitBreakerStageOptions = PerTargetOptions<
  Omit<CircuitBreakerOptions, 'shouldCount' | 'clock'>
> & {
  /** Failure kinds that count against a target's health. Defaults to {@link defaultBreakerKinds}. */
  countedKinds?: readonly FailureKind[];
};

/**
 * Failures that say the target itself is unwell. Rate limits are the limiter's business,
 * and bad requests, context-length or content-filter failures say nothing about health.
 * Local refusals (`refused`: a full bulkhead, a rate-limit wait too long) never count, whatever
 * this list holds: the provider never saw those calls.
 */
export const defaultBreakerKinds: readonly FailureKind[] = [
  'overloaded',
  'server',
  'timeout',
  'network',
];

/**
 * One circuit breaker per target. While a target's breaker is open the stage throws
 * `BrokenCircuitError` (with `retryAfterMs`) without calling it, and the call moves on to
 * the next target. For streams, failures up to the commit point count.
 */
export function createCircuitBreakerStage<TTarget, TRequest, TResponse, TPart>(
  options: CircuitBreakerStageOptions,
  {
    clock,
    targetIds,
    classify,
  }: {
    clock?: Clock;
    targetIds: readonly string[];
    classify: (error: unknown) => { kind: FailureKind };
  },
): Stage<TTarget, TRequest, TResponse, TPart> & {
  readonly breakers: ReadonlyMap<string, CircuitBreakerPolicy>;
} {
  const { countedKinds = defaultBreakerKinds, ...breakerOptions } = options;
  const counted = new Set(countedKinds);
  const breakers = perTarget(
    'circuitBreaker',
    breakerOptions,
    targetIds,
    (targetOptions, targetId) =>
      new CircuitBreakerPolicy({
        key: `circuit-breaker:${targetId}`,
        ...targetOptions,
        clock,
        shouldCount: (error) => {
          const { kind } = classify(error);
          return kind !== 'refused' && counted.has(kind);
        },
      }),
  );
  return {
    name: 'circuit-breaker',
    breakers,
    wrapTarget: ({ request, context, next }) =>
      breakers
        .get(context.targetId)!
        .execute(({ signal }) => next(request, { signal }), context.signal),
  };
}
