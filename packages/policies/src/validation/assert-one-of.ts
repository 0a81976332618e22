import { InvalidOptionError } from '../errors/invalid-option-error';

/**
 * Throws {@link InvalidOptionError} naming `field` unless `value` is one of `allowed`. `undefined`
 *   passes.
 * @typeParam T The allowed values, inferred from `allowed`; `value` is narrowed to one of them.
 */
export function assertOneOf<T extends string | number | boolean>(
  field: string,
  value: unknown,
  allowed: readonly T[],
): void {
  if (value === undefined) return;
  if (!allowed.includes(value as T)) {
    throw new InvalidOptionError({
      field,
      value,
      reason: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
    });
  }
}
