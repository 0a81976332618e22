import { InvalidOptionError } from '../errors/invalid-option-error';

/**
 * Throws {@link InvalidOptionError} naming `field` unless `value` is a string, not blank
 * unless `allowEmpty`. `undefined` passes.
 */
export function assertString(
  field: string,
  value: unknown,
  { allowEmpty = false }: { allowEmpty?: boolean } = {},
): void {
  if (value === undefined) return;
  if (typeof value !== 'string')
    throw new InvalidOptionError({ field, value, reason: 'must be a string' });
  if (!allowEmpty && value.trim() === '')
    throw new InvalidOptionError({ field, value, reason: 'must be a non-empty string' });
}
