import { InvalidOptionError } from '../errors/invalid-option-error';

/**
 * Throws {@link InvalidOptionError} naming `field` unless `value` is an object (not `null`,
 * not an array). `undefined` passes. `reason` replaces the default `must be an object`.
 */
export function assertObject(field: string, value: unknown, reason = 'must be an object'): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidOptionError({ field, value, reason });
}
