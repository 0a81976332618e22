import { InvalidOptionError } from '../errors/invalid-option-error';

/** Throws {@link InvalidOptionError} naming `field` unless `value` is a function. `undefined` passes. */
export function assertFunction(field: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'function')
    throw new InvalidOptionError({ field, value, reason: 'must be a function' });
}
