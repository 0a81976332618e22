import { type CircuitBreakerOptions, CircuitBreakerPolicy } from '@resilient-llm/policies';
import { circuitBreakerOptionKeys } from '@resilient-llm/policies/internal';
import { assertArrayOf, assertOptions, withoutKeys } from '@resilient-llm/policies/validation';
import type { FailureKind } from '../contract/failure';
import type { Stage } from '../contract/stage';
import { failureDefaults } from '../failure/failure-defaults';
import { ClassifiedFailures } from './classified-failures';
import type { FitsAnyModel } from './fits-any-model';
import { createModelState } from './model-state';
import { type PerTargetOptions, perTarget, perTargetKeys } from './per-target';
import { reportSharedState } from './shared-state-events';
import { checkedSharedStateTuning, type SharedStateTuning } from './shared-state-tuning';

// Which errors count comes from `countedKinds` and the failure taxonomy; the clock is the model's.
// Shared mode comes from the model's `sharedState`; only its tuning is the stage's option.
const ownedByPipeline = ['shouldCount', 'clock', 'shared'] as const;
const breakerKeys = [...withoutKeys(circuitBreakerOptionKeys, ownedByPipeline), 'shared'] as const;
const failureKinds = Object.keys(failureDefaults) as FailureKind[];

/**
 * Options of one target's circuit breaker: those of `CircuitBreakerPolicy` but what the
 * pipeline fills in (`shouldCount`, `clock`, and `shared` from the model's `sharedState`), with
 * the pipeline's key.
 */
export interface CircuitBreakerTargetOptions
  extends Omit<CircuitBreakerOptions, (typeof ownedByPipeline)[number] | 'key'> {
  /** Key of this target's breaker in `store`. Defaults to `'circuit-breaker:<target id>'`. */
  key?: string;
  /**
   * With the model's `sharedState`, how this breaker copes with a slow or failing fleet state:
   * `timeoutMs`, the longest wait for one operation before the breaker goes on from local
   * state (defaults to 100, `defaultSharedStateOptions.timeoutMs`; raise it where the event
   * loop is busy or the state far away), and `rejoinAfterMs`, how long it then runs on local
   * state before trying the fleet again (defaults to 5000,
   * `defaultSharedStateOptions.rejoinAfterMs`). Checked even without `sharedState`, which
   * leaves it unused. Defaults to `{}`.
   */
  shared?: SharedStateTuning;
}

/** Options of the circuit-breaker stage: `CircuitBreakerOptions` (one breaker per target) plus per-target overrides. */
export type CircuitBreakerStageOptions = PerTargetOptions<CircuitBreakerTargetOptions> & {
  /**
   * Failure kinds that count against a target's health. Defaults to
   * `['overloaded', 'server', 'timeout', 'network']` (`defaultCircuitBreakerStageOptions.countedKinds`).
   */
  countedKinds?: readonly FailureKind[];
};

/** Every option of {@link CircuitBreakerStageOptions}: any other key is refused. */
const circuitBreakerStageOptionKeys = [...perTargetKeys(breakerKeys), 'countedKinds'] as const;

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
 * The values the circuit-breaker stage applies to the {@link CircuitBreakerStageOptions} left
 * out; the breakers' own fields default as `CircuitBreakerPolicy`'s
 * (`defaultCircuitBreakerOptions`).
 */
export const defaultCircuitBreakerStageOptions = {
  countedKinds: defaultBreakerKinds,
} as const satisfies CircuitBreakerStageOptions;

/**
 * One circuit breaker per target. While a target's breaker is open the stage throws
 * `BrokenCircuitError` (with `retryAfterMs`) without calling it, and the call moves on to
 * the next target. For streams, failures up to the commit point count. Each failure is
 * classified by the target's context (`context.classify`); placed outside the retry stage, a
 * breaker counts calls whose retries ran out, not single attempts.
 *
 * Options are checked here; the model's targets and clock come with `setup`, which the model
 * calls when it is built and which refuses overrides for targets the model does not have. The
 * stage serves one model: setting it up for a second throws `InvalidOptionError`, and running
 * it before setup throws. `breakers` holds one breaker per target once the stage is set up.
 * When the model shares state (`sharedState`), each breaker is shared under
 * `circuit-breaker:<target id>` and reports its faults as the model's events.
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
export function createCircuitBreakerStage<
  TTarget = FitsAnyModel,
  TRequest = FitsAnyModel,
  TResponse = FitsAnyModel,
  TPart = FitsAnyModel,
>(
  options: CircuitBreakerStageOptions = {},
): Stage<TTarget, TRequest, TResponse, TPart> & {
  readonly breakers: ReadonlyMap<string, CircuitBreakerPolicy>;
} {
  assertOptions('circuitBreaker', options, circuitBreakerStageOptionKeys);
  const { countedKinds = defaultBreakerKinds, ...breakerOptions } = options;
  assertArrayOf('circuitBreaker.countedKinds', countedKinds, failureKinds);
  const counted = new Set(countedKinds);
  // The breaker is handed only the error: each attempt's error is classified by its target's
  // context on its way out, and the breaker reads that failure.
  const failures = new ClassifiedFailures();
  const isCounted = (error: unknown) => {
    const kind = failures.of(error)?.kind;
    return kind !== undefined && kind !== 'refused' && counted.has(kind);
  };
  const breakers = perTarget(
    'circuitBreaker',
    breakerOptions,
    breakerKeys,
    ({ shared = {}, ...targetOptions }, targetId, clock, model) => {
      const tuning = checkedSharedStateTuning('shared', shared);
      const state = model?.sharedState;
      const breaker = new CircuitBreakerPolicy({
        key: `circuit-breaker:${targetId}`,
        ...targetOptions,
        clock,
        shouldCount: isCounted,
        ...(state && { shared: { ...tuning, state, key: `circuit-breaker:${targetId}` } }),
      });
      if (model) reportSharedState(breaker, 'circuit-breaker', targetId, model);
      return breaker;
    },
  );
  const model = createModelState('circuit-breaker', breakers.setUp);
  return {
    name: 'circuit-breaker',
    breakers: breakers.byTarget,
    setup: model.setup,
    wrapTarget: ({ request, context, next }) =>
      model
        .current()
        .get(context.targetId)!
        .execute(
          ({ signal }) => failures.classifyThrown(context, () => next(request, { signal })),
          context.signal,
        ),
  };
}
