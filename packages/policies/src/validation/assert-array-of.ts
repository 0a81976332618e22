import { InvalidOptionError } from '../errors/invalid-option-error';

/**
 * Throws {@link InvalidOptionError} unless `value` is an array whose every item is one of
 * `allowed`; a bad item is named by its index (`countedKinds[1]`). `undefined` passes.
 * @typeParam T The allowed values, inferred from `allowed`; `value` is narrowed to an array of
 * them.
 */
export function assertArrayOf<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
): void {
  if (value === undefined) return;
  const choices = allowed.map((v) => `"${v}"`).join(', ');
  if (!Array.isArray(value)) {
    throw new InvalidOptionError({ field, value, reason: `must be an array of ${choices}` });
  }
  value.forEach((item: unknown, index) => {
    if (!allowed.includes(item as T)) {
      throw new InvalidOptionError({
        field: `${field}[${index}]`,
        value: item,
        reason: `must be one of ${choices}`,
      });
    }
  });
}
