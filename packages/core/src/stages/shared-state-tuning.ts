import { assertSharedStateTuning, type SharedStateTuning } from '@resilient-llm/policies/internal';
import { assertOptions } from '@resilient-llm/policies/validation';

export type { SharedStateTuning };

/** Every key of a stage's `shared` option (`rateLimit.shared`, `circuitBreaker.shared`). */
const sharedStateTuningKeys = [
  'timeoutMs',
  'rejoinAfterMs',
] as const satisfies readonly (keyof SharedStateTuning)[];

/**
 * A stage's `shared` option, checked when the model is built: without the model's
 * `sharedState` no policy would check it, and a typo must not wait for the day state is shared.
 * `field` names it in errors (`rateLimit.shared`, `circuitBreaker.targets.a.shared`).
 */
export function checkedSharedStateTuning(
  field: string,
  shared: SharedStateTuning,
): SharedStateTuning {
  assertOptions(field, shared, sharedStateTuningKeys);
  assertSharedStateTuning(field, shared);
  return shared;
}
