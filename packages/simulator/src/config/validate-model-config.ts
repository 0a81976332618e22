import type { ModelConfig, RateLimitKind } from './types';
import { validateFaultRule } from './validate-fault-rule';
import { expectArray, expectNumber, expectObject, expectOneOf, joinPath } from './validators';

const MODEL_FIELDS = [
  'contextWindow',
  'responseTokens',
  'embeddingDimensions',
  'rateLimit',
  'sharedPool',
  'latency',
  'faults',
] as const;

const RATE_LIMIT_KINDS: readonly RateLimitKind[] = ['fixed-window', 'token-bucket'];

/** Checks a model configuration; throws `InvalidOptionError` naming the bad field. */
export function validateModelConfig(field: string, value: unknown): ModelConfig {
  const model = expectObject(field, value, MODEL_FIELDS);
  const at = (key: string) => joinPath(field, key);
  if (model.contextWindow !== undefined)
    expectNumber(at('contextWindow'), model.contextWindow, { min: 1, integer: true });
  if (model.responseTokens !== undefined)
    expectNumber(at('responseTokens'), model.responseTokens, { min: 0, integer: true });
  if (model.embeddingDimensions !== undefined) {
    expectNumber(at('embeddingDimensions'), model.embeddingDimensions, {
      min: 1,
      max: 65_536,
      integer: true,
    });
  }
  for (const key of ['rateLimit', 'sharedPool'] as const) {
    if (model[key] !== undefined) validateRateLimit(at(key), model[key]);
  }
  if (model.latency !== undefined) {
    const latency = expectObject(at('latency'), model.latency, [
      'firstTokenMedianMs',
      'firstTokenP99Ms',
      'tokensPerSecond',
    ]);
    for (const [key, entry] of Object.entries(latency))
      expectNumber(joinPath(at('latency'), key), entry, { min: 0 });
  }
  if (model.faults !== undefined) {
    for (const [index, rule] of expectArray(at('faults'), model.faults).entries()) {
      validateFaultRule(`${at('faults')}[${index}]`, rule);
    }
  }
  return model as ModelConfig;
}

function validateRateLimit(field: string, value: unknown): void {
  const limit = expectObject(field, value, [
    'kind',
    'requestsPerWindow',
    'tokensPerWindow',
    'windowMs',
  ]);
  if (limit.kind !== undefined) expectOneOf(joinPath(field, 'kind'), limit.kind, RATE_LIMIT_KINDS);
  for (const key of ['requestsPerWindow', 'tokensPerWindow']) {
    if (limit[key] !== undefined)
      expectNumber(joinPath(field, key), limit[key], { min: 0, integer: true });
  }
  if (limit.windowMs !== undefined)
    expectNumber(joinPath(field, 'windowMs'), limit.windowMs, { min: 1 });
}
