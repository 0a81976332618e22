import {
  assertFunction,
  assertNumber,
  InvalidOptionError,
  systemClock,
} from '@resilient-llm/policies';
import { defaultTimeoutMs, type ResilientModelOptions } from './model-options';
import type { Stage } from './stage';

const bindingMethods = ['targetId', 'generate', 'stream', 'classify', 'partRole'] as const;
const optionalBindingMethods = [
  'observe',
  'observePart',
  'partError',
  'cacheKey',
  'estimateTokens',
] as const;
const stageHooks = ['wrapCall', 'wrapTarget', 'observe'] as const;

/** Validates model options once, at construction, and applies defaults. */
export function prepareModelOptions<TTarget, TRequest, TResponse, TPart>(
  options: ResilientModelOptions<TTarget, TRequest, TResponse, TPart>,
) {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError({ field: 'options', value: options, reason: 'must be an object' });
  }
  const {
    binding,
    targets,
    stages = [],
    timeoutMs = defaultTimeoutMs,
    streamTimeouts = {},
    clock = systemClock,
    telemetry,
    retry = {},
    circuitBreaker = {},
    rateLimit = {},
    bulkhead = false,
    attemptTimeoutMs,
  } = options;
  assertObject('binding', binding);
  for (const method of bindingMethods) assertRequiredFunction(`binding.${method}`, binding[method]);
  for (const method of optionalBindingMethods) assertFunction(`binding.${method}`, binding[method]);
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new InvalidOptionError({
      field: 'targets',
      value: targets,
      reason: 'must be a non-empty array',
    });
  }
  assertUniqueTargetIds(targets.map((target) => binding.targetId(target)));
  if (!Array.isArray(stages))
    throw new InvalidOptionError({ field: 'stages', value: stages, reason: 'must be an array' });
  stages.forEach(assertStage);
  assertTimeout('timeoutMs', timeoutMs);
  assertObject('streamTimeouts', streamTimeouts);
  assertTimeout('streamTimeouts.firstContentTimeoutMs', streamTimeouts.firstContentTimeoutMs);
  assertTimeout('streamTimeouts.idleTimeoutMs', streamTimeouts.idleTimeoutMs);
  assertObject('clock', clock);
  for (const method of ['now', 'setTimeout', 'clearTimeout'] as const)
    assertRequiredFunction(`clock.${method}`, clock[method]);
  assertFunction('telemetry', telemetry);
  assertTimeout('attemptTimeoutMs', attemptTimeoutMs);
  for (const [field, value] of Object.entries({ retry, circuitBreaker, rateLimit, bulkhead })) {
    if (value !== false) assertObject(field, value);
  }
  return {
    binding,
    targets: [...targets],
    stages: [...stages],
    timeoutMs,
    streamTimeouts,
    clock,
    telemetry,
    builtIn: { retry, circuitBreaker, rateLimit, bulkhead, attemptTimeoutMs },
  };
}

/** Validates a time limit: a positive number of milliseconds, `Infinity` meaning none. */
export function assertTimeout(field: string, value: unknown): void {
  assertNumber(field, value, { min: 1, allowInfinity: true });
}

function assertStage(stage: Stage<never, never, never, never>, index: number): void {
  assertObject(`stages[${index}]`, stage);
  if (typeof stage.name !== 'string' || stage.name === '') {
    throw new InvalidOptionError({
      field: `stages[${index}].name`,
      value: stage.name,
      reason: 'must be a non-empty string',
    });
  }
  for (const hook of stageHooks) assertFunction(`stages[${index}].${hook}`, stage[hook]);
}

function assertUniqueTargetIds(ids: string[]): void {
  ids.forEach((id, index) => {
    if (typeof id !== 'string' || id === '') {
      throw new InvalidOptionError({
        field: `targets[${index}]`,
        value: id,
        reason: 'has no id (binding.targetId must return a non-empty string)',
      });
    }
    if (ids.indexOf(id) !== index) {
      throw new InvalidOptionError({
        field: `targets[${index}]`,
        value: id,
        reason: 'repeats the id of an earlier target',
      });
    }
  });
}

function assertObject(field: string, value: unknown): void {
  if (typeof value !== 'object' || value === null)
    throw new InvalidOptionError({ field, value, reason: 'must be an object' });
}

function assertRequiredFunction(field: string, value: unknown): void {
  if (typeof value !== 'function')
    throw new InvalidOptionError({ field, value, reason: 'must be a function' });
}
