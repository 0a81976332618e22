import { InvalidOptionError } from '../errors/invalid-option-error';

/** Rules of {@link assertString}. */
export interface StringRule {
  /** Accept an empty or blank string. Defaults to false. */
  allowEmpty?: boolean;
}

/**
 * Throws {@link InvalidOptionError} naming `field` unless `value` is a string, not blank
 * unless `allowEmpty`. `undefined` passes.
 */
export function assertString(
  field: string,
  value: unknown,
  { allowEmpty = false }: StringRule = {},
): void {
  if (value === undefined) return;
  if (typeof value !== 'string')
    throw new InvalidOptionError({ field, value, reason: 'must be a string' });
  if (!allowEmpty && value.trim() === '')
    throw new InvalidOptionError({ field, value, reason: 'must be a non-empty string' });
}
