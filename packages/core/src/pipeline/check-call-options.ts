import { assertAbortSignal, assertObject, assertOptions } from '@resilient-llm/policies/validation';
import type { CallOptions } from '../contract/resilient-model';
import { callOptionKeys } from '../contract/resilient-model';
import type { CallOptionCheck, Stage } from '../contract/stage';
import { assertTimeout } from './prepare-model-options';

/**
 * The check of a model's per-call options: the pipeline's own (`signal`, `timeoutMs`,
 * `metadata`) and those its stages declare in `callOptions`. Any other key is refused with
 * the closest known one suggested; every check runs before anything of the call is armed.
 */
export function createCallOptionsCheck(
  stages: readonly Pick<Stage<never, never, never, never>, 'callOptions'>[],
): (options: unknown) => void {
  const checks = new Map<string, CallOptionCheck[]>();
  for (const stage of stages) {
    for (const [key, check] of Object.entries(stage.callOptions ?? {}))
      checks.set(key, [...(checks.get(key) ?? []), check]);
  }
  const knownKeys = [...new Set<string>([...callOptionKeys, ...checks.keys()])];
  return (options) => {
    assertOptions('', options, knownKeys);
    if (options === undefined) return;
    const { signal, timeoutMs, metadata } = options as CallOptions;
    assertAbortSignal('signal', signal);
    assertTimeout('timeoutMs', timeoutMs);
    assertObject('metadata', metadata);
    for (const [key, keyChecks] of checks) {
      const value = (options as Record<string, unknown>)[key];
      if (value !== undefined) for (const check of keyChecks) check(value, key);
    }
  };
}
