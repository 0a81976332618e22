import { InvalidOptionError } from '../errors/invalid-option-error';

/** Throws {@link InvalidOptionError} naming `field` when `value` is `undefined` or `null`. */
export function assertRequired(field: string, value: unknown): void {
  if (value === undefined || value === null)
    throw new InvalidOptionError({ field, value, reason: 'is required' });
}
