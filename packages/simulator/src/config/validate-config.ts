import { assertKnownKeys } from '@resilient-llm/policies/validation';
import type { SimulatorClock } from '../time/clock';
import { defaultCorsConfig, defaultSimulatorConfig } from './defaults';
import type { OriginPattern } from './origin-pattern';
import { SCENARIO_NAMES } from './scenarios';
import type { ModelConfig, ScenarioName, SimulatorConfig } from './types';
import { validateCors } from './validate-cors';
import { validateModelConfig } from './validate-model-config';
import { expectBoolean, expectNumber, expectObject, expectOneOf, fail } from './validators';

/** A configuration that passed validation, with top-level defaults applied. */
export interface ValidatedConfig {
  readonly scenario: ScenarioName;
  readonly seed: number;
  readonly port: number;
  readonly models: Readonly<Record<string, ModelConfig>>;
  readonly defaultModel: ModelConfig;
  readonly rejectUnknownModels: boolean;
  /** Origins answered with CORS headers, or `false` for none. */
  readonly corsOrigins: readonly OriginPattern[] | false;
  readonly clock: SimulatorClock | undefined;
}

const TOP_LEVEL_FIELDS = [
  'scenario',
  'seed',
  'port',
  'models',
  'defaultModel',
  'rejectUnknownModels',
  'cors',
  'clock',
];

/**
 * Checks a configuration (an object or parsed JSON) once, before anything starts.
 * Throws `InvalidOptionError` whose `field` is the path of the first bad field.
 */
export function validateConfig(input: unknown = {}): ValidatedConfig {
  // Top-level keys are named bare (`seed`, not `config.seed`).
  assertKnownKeys('', expectObject('config', input), TOP_LEVEL_FIELDS);
  const config = input as SimulatorConfig & Record<string, unknown>;
  const scenario =
    config.scenario === undefined
      ? defaultSimulatorConfig.scenario
      : expectOneOf('scenario', config.scenario, SCENARIO_NAMES);
  const seed =
    config.seed === undefined
      ? defaultSimulatorConfig.seed
      : expectNumber('seed', config.seed, { integer: true });
  const port =
    config.port === undefined
      ? defaultSimulatorConfig.port
      : expectNumber('port', config.port, { min: 0, max: 65_535, integer: true });
  const models: Record<string, ModelConfig> = {};
  if (config.models !== undefined) {
    for (const [name, model] of Object.entries(expectObject('models', config.models))) {
      models[name] = validateModelConfig(`models.${name}`, model);
    }
  }
  const defaultModel =
    config.defaultModel === undefined
      ? {}
      : validateModelConfig('defaultModel', config.defaultModel);
  const rejectUnknownModels =
    config.rejectUnknownModels === undefined
      ? defaultSimulatorConfig.rejectUnknownModels
      : expectBoolean('rejectUnknownModels', config.rejectUnknownModels);
  const corsOrigins =
    config.cors === undefined ? defaultCorsConfig.origins : validateCors(config.cors);
  if (config.clock !== undefined) validateClock(config.clock);
  return {
    scenario,
    seed,
    port,
    models,
    defaultModel,
    rejectUnknownModels,
    corsOrigins,
    clock: config.clock,
  };
}

function validateClock(clock: unknown): void {
  const candidate = expectObject('clock', clock);
  for (const method of ['now', 'setTimeout', 'clearTimeout']) {
    if (typeof candidate[method] !== 'function')
      fail(`clock.${method}`, candidate[method], 'is not a function');
  }
}
