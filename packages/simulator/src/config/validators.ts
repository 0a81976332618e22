import { isRecord } from '../content/json-schema';
import { SimulatorConfigError } from './simulator-config-error';

/** Options of {@link expectNumber}. */
export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/** Throws unless `value` is a finite number within the rule; returns it typed. */
export function expectNumber(
  field: string,
  value: unknown,
  { min, max, integer }: NumberRule = {},
): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(field, value, 'is not a finite number');
  if (integer && !Number.isInteger(value)) fail(field, value, 'is not an integer');
  if (min !== undefined && value < min) fail(field, value, `is below the minimum ${min}`);
  if (max !== undefined && value > max) fail(field, value, `is above the maximum ${max}`);
  return value;
}

/** Throws unless `value` is a boolean. */
export function expectBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') fail(field, value, 'is not a boolean');
  return value;
}

/** Throws unless `value` is one of `allowed`. */
export function expectOneOf<const Allowed>(
  field: string,
  value: unknown,
  allowed: readonly Allowed[],
): Allowed {
  if (!allowed.includes(value as Allowed)) {
    fail(
      field,
      value,
      `is not one of ${allowed.map((option) => JSON.stringify(option)).join(', ')}`,
    );
  }
  return value as Allowed;
}

/** Throws unless `value` is a plain object whose keys are all in `known`. */
export function expectObject(
  field: string,
  value: unknown,
  known?: readonly string[],
): Record<string, unknown> {
  if (!isRecord(value)) fail(field, value, 'is not an object');
  if (known) {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) fail(joinPath(field, key), value[key], 'is not a known field');
    }
  }
  return value;
}

/** Throws unless `value` is an array. */
export function expectArray(field: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) fail(field, value, 'is not an array');
  return value;
}

/** Joins a parent path and a key: `models` + `a` gives `models.a`; the root gives the key. */
export function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

/** Throws a {@link SimulatorConfigError}. */
export function fail(field: string, value: unknown, reason: string): never {
  throw new SimulatorConfigError({ field, value, reason });
}
