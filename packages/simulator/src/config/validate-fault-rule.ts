import type { FaultRule, FaultType, FaultWindow } from './types';
import { expectArray, expectNumber, expectObject, expectOneOf, joinPath } from './validators';

const FIELDS_BY_TYPE: Record<FaultType, readonly string[]> = {
  'server-error': ['status'],
  overloaded: [],
  'rate-limit': ['retryAfterMs'],
  'insufficient-quota': [],
  'connection-reset': [],
  hang: [],
  'slow-first-token': ['medianMs', 'p99Ms'],
  stall: ['afterTokens', 'durationMs'],
  drop: ['afterTokens'],
  'malformed-chunk': ['afterTokens'],
};

/** The fault type names, in documentation order. */
export const FAULT_TYPES = Object.keys(FIELDS_BY_TYPE) as FaultType[];

/** Checks one fault rule; throws `InvalidOptionError` naming the bad field. */
export function validateFaultRule(field: string, value: unknown): FaultRule {
  const rule = expectObject(field, value);
  const type = expectOneOf(joinPath(field, 'type'), rule.type, FAULT_TYPES);
  expectObject(field, rule, ['type', 'probability', 'windows', ...FIELDS_BY_TYPE[type]]);
  const at = (key: string) => joinPath(field, key);
  if (rule.probability !== undefined)
    expectNumber(at('probability'), rule.probability, { min: 0, max: 1 });
  if (rule.windows !== undefined) {
    for (const [index, window] of expectArray(at('windows'), rule.windows).entries()) {
      validateWindow(`${at('windows')}[${index}]`, window);
    }
  }
  if (rule.status !== undefined) expectOneOf(at('status'), rule.status, [500, 502, 503]);
  for (const key of ['retryAfterMs', 'medianMs', 'p99Ms', 'durationMs']) {
    if (rule[key] !== undefined) expectNumber(at(key), rule[key], { min: 0 });
  }
  if (rule.afterTokens !== undefined)
    expectNumber(at('afterTokens'), rule.afterTokens, { min: 0, integer: true });
  return rule as unknown as FaultRule;
}

function validateWindow(field: string, value: unknown): FaultWindow {
  const window = expectObject(field, value, ['startMs', 'endMs']);
  const startMs = expectNumber(joinPath(field, 'startMs'), window.startMs, { min: 0 });
  if (window.endMs !== undefined)
    expectNumber(joinPath(field, 'endMs'), window.endMs, { min: startMs });
  return window as unknown as FaultWindow;
}
