import { InvalidOptionError } from '../errors/invalid-option-error';

/** Throws {@link InvalidOptionError} naming `field` unless `value` is `true` or `false`. `undefined` passes. */
export function assertBoolean(field: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'boolean')
    throw new InvalidOptionError({ field, value, reason: 'must be true or false' });
}
