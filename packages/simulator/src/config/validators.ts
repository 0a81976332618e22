import { InvalidOptionError } from '@resilient-llm/policies';
import {
  assertBoolean,
  assertKnownKeys,
  assertNumber,
  assertObject,
  assertOneOf,
  assertRequired,
  type NumberRule,
} from '@resilient-llm/policies/validation';

// The simulator reads untyped JSON, so each check returns the value it proved, typed; the
// rules and the error (`InvalidOptionError`, with "did you mean" for unknown keys) are the
// shared validation toolkit's. A field that is checked is required: callers test for
// `undefined` first where a field may be left out.

/** Throws unless `value` is a finite number within `rule`; returns it typed. */
export function expectNumber(field: string, value: unknown, rule: NumberRule = {}): number {
  assertRequired(field, value);
  // No lower bound unless the rule gives one (a seed may be negative).
  assertNumber(field, value, { min: -Infinity, ...rule });
  return value as number;
}

/** Throws unless `value` is a boolean. */
export function expectBoolean(field: string, value: unknown): boolean {
  assertRequired(field, value);
  assertBoolean(field, value);
  return value as boolean;
}

/** Throws unless `value` is one of `allowed`. */
export function expectOneOf<const Allowed extends string | number | boolean>(
  field: string,
  value: unknown,
  allowed: readonly Allowed[],
): Allowed {
  assertRequired(field, value);
  assertOneOf(field, value, allowed);
  return value as Allowed;
}

/** Throws unless `value` is a plain object whose keys are all in `known` (when given). */
export function expectObject(
  field: string,
  value: unknown,
  known?: readonly string[],
): Record<string, unknown> {
  assertRequired(field, value);
  assertObject(field, value);
  if (known) assertKnownKeys(field, value, known);
  return value as Record<string, unknown>;
}

/** Throws unless `value` is an array. */
export function expectArray(field: string, value: unknown): unknown[] {
  assertRequired(field, value);
  if (!Array.isArray(value)) fail(field, value, 'must be an array');
  return value;
}

/** Joins a parent path and a key: `models` + `a` gives `models.a`; the root gives the key. */
export function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

/** Throws an `InvalidOptionError` naming `field`. */
export function fail(field: string, value: unknown, reason: string): never {
  throw new InvalidOptionError({ field, value, reason });
}
