import { InvalidOptionError } from '../errors/invalid-option-error';

/** Bounds for {@link assertNumber}. */
export interface NumberRule {
  /** Smallest allowed value (inclusive). Defaults to 0. */
  min?: number;
  /** Largest allowed value (inclusive). Defaults to `Infinity`. */
  max?: number;
  /** Require a whole number. Defaults to false. */
  integer?: boolean;
  /** Accept `Infinity` (meaning "no limit"). Defaults to false. */
  allowInfinity?: boolean;
}

/**
 * Throws {@link InvalidOptionError} naming `field` unless `value` is a number within `rule`.
 * `undefined` passes: callers apply defaults before or after as they see fit.
 */
export function assertNumber(field: string, value: unknown, rule: NumberRule = {}): void {
  if (value === undefined) return;
  const { min = 0, max = Infinity, integer = false, allowInfinity = false } = rule;
  const fail = (reason: string) => {
    throw new InvalidOptionError({ field, value, reason });
  };
  if (typeof value !== 'number' || Number.isNaN(value)) fail('is not a number');
  const number = value as number;
  if (!Number.isFinite(number) && !(allowInfinity && number === Infinity)) fail('must be finite');
  if (integer && Number.isFinite(number) && !Number.isInteger(number))
    fail('must be a whole number');
  if (number < min) fail(`must be at least ${min}`);
  if (number > max) fail(`must be at most ${max}`);
}
