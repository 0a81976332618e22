import { defaultSimulatorConfig } from '../config/defaults';
import { resolveModel } from '../config/resolve-model';
import type { ResolvedModel } from '../config/resolved-types';
import { SCENARIO_NAMES, SCENARIOS } from '../config/scenarios';
import { validateModelConfig } from '../config/validate-model-config';
import { expectNumber, expectObject, expectOneOf } from '../config/validators';
import type { FaultProfileInput } from './fault-profile';

/** A profile checked and with defaults applied. */
export interface ResolvedFaultProfile {
  readonly model: ResolvedModel;
  readonly seed: number;
}

/** Validates a profile (throwing `InvalidOptionError`) and applies its defaults. */
export function resolveFaultProfile(input: FaultProfileInput): ResolvedFaultProfile {
  if (typeof input === 'string') {
    const scenario = expectOneOf('profile', input, SCENARIO_NAMES);
    return {
      model: resolveModel('in-process', [SCENARIOS[scenario]]),
      seed: defaultSimulatorConfig.seed,
    };
  }
  const { seed, ...modelFields } = expectObject('profile', input, [
    'faults',
    'latency',
    'contextWindow',
    'seed',
  ]);
  const model = validateModelConfig('profile', modelFields);
  const resolvedSeed =
    seed === undefined
      ? defaultSimulatorConfig.seed
      : expectNumber('profile.seed', seed, { integer: true });
  return { model: resolveModel('in-process', [model]), seed: resolvedSeed };
}
