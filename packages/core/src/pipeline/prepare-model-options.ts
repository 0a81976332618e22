import { InvalidOptionError, systemClock } from '@resilient-llm/policies';
import { assertSharedState } from '@resilient-llm/policies/internal';
import {
  assertClock,
  assertFunction,
  assertMethods,
  assertNumber,
  assertObject,
  assertOptions,
  assertRequired,
  assertString,
} from '@resilient-llm/policies/validation';
import type { Binding } from '../contract/binding';
import type { Stage } from '../contract/stage';
import { streamTimeoutKeys } from '../stream/stream-timeouts';
import {
  defaultResilientModelOptions,
  type ResilientModelOptions,
  resilientModelOptionKeys,
} from './model-options';

const bindingMethods = ['targetId', 'generate', 'classify'] as const;
const optionalBindingMethods = [
  'stream',
  'partRole',
  'observe',
  'observePart',
  'partError',
  'cacheKey',
  'estimateTokens',
] as const;
const stageHooks = ['setup', 'wrapCall', 'wrapTarget', 'observe'] as const;
const builtInStages = ['retry', 'circuitBreaker', 'rateLimit', 'bulkhead'] as const;

/**
 * Validates model options once, at construction, and applies defaults. An unknown key at any
 * level is refused with the option it most likely means; the built-in stages check their own
 * options when they are created.
 */
export function prepareModelOptions<TTarget, TRequest, TResponse, TPart>(
  options: ResilientModelOptions<TTarget, TRequest, TResponse, TPart>,
) {
  assertRequired('options', options);
  assertOptions('', options, resilientModelOptionKeys);
  const {
    binding,
    targets,
    stages = [],
    timeoutMs = defaultResilientModelOptions.timeoutMs,
    streamTimeouts = defaultResilientModelOptions.streamTimeouts,
    clock = systemClock,
    telemetry,
    retry = defaultResilientModelOptions.retry,
    circuitBreaker = defaultResilientModelOptions.circuitBreaker,
    rateLimit = defaultResilientModelOptions.rateLimit,
    bulkhead = defaultResilientModelOptions.bulkhead,
    attemptTimeoutMs,
    sharedState,
  } = options;
  assertRequired('binding', binding);
  assertMethods('binding', binding, bindingMethods);
  const members = binding as Partial<Binding<TTarget, TRequest, TResponse, TPart>>;
  for (const method of optionalBindingMethods) assertFunction(`binding.${method}`, members[method]);
  assertStreamingPair(members);
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
  assertOptions('streamTimeouts', streamTimeouts, streamTimeoutKeys);
  assertTimeout('streamTimeouts.firstContentTimeoutMs', streamTimeouts.firstContentTimeoutMs);
  assertTimeout('streamTimeouts.idleTimeoutMs', streamTimeouts.idleTimeoutMs);
  assertRequired('clock', clock);
  assertClock('clock', clock);
  assertFunction('telemetry', telemetry);
  assertTimeout('attemptTimeoutMs', attemptTimeoutMs);
  assertSharedState('sharedState', sharedState);
  const builtIn = { retry, circuitBreaker, rateLimit, bulkhead };
  for (const field of builtInStages) {
    if (builtIn[field] !== false) assertObject(field, builtIn[field], 'must be an object or false');
  }
  return {
    binding,
    targets: [...targets],
    stages: [...stages],
    timeoutMs,
    streamTimeouts,
    clock,
    telemetry,
    sharedState,
    builtIn: { ...builtIn, attemptTimeoutMs },
  };
}

/** Validates a time limit: a positive number of milliseconds, `Infinity` meaning none. */
export function assertTimeout(field: string, value: unknown): void {
  assertNumber(field, value, { min: 1, allowInfinity: true });
}

function assertStage(stage: Stage<never, never, never, never>, index: number): void {
  assertRequired(`stages[${index}]`, stage);
  assertObject(`stages[${index}]`, stage);
  assertRequired(`stages[${index}].name`, stage.name);
  assertString(`stages[${index}].name`, stage.name);
  for (const hook of stageHooks) assertFunction(`stages[${index}].${hook}`, stage[hook]);
  assertObject(`stages[${index}].callOptions`, stage.callOptions);
  for (const [key, check] of Object.entries(stage.callOptions ?? {}))
    assertFunction(`stages[${index}].callOptions.${key}`, check);
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

// A binding streams with both methods or not at all: the commit point needs the part roles.
function assertStreamingPair(binding: { stream?: unknown; partRole?: unknown }): void {
  if ((binding.stream === undefined) === (binding.partRole === undefined)) return;
  const missing = binding.stream === undefined ? 'stream' : 'partRole';
  const present = missing === 'stream' ? 'partRole' : 'stream';
  throw new InvalidOptionError({
    field: `binding.${missing}`,
    value: undefined,
    reason: `must be a function when binding.${present} is given (a binding streams with both or neither)`,
  });
}
