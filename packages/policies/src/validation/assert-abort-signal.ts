import { InvalidOptionError } from '../errors/invalid-option-error';

/**
 * Throws {@link InvalidOptionError} naming `field` unless `value` is an `AbortSignal` (or
 * behaves as one: `aborted`, `addEventListener`, `removeEventListener`). `undefined` passes.
 */
export function assertAbortSignal(field: string, value: unknown): void {
  if (value === undefined) return;
  const signal = value as Partial<AbortSignal> | null;
  if (
    typeof signal !== 'object' ||
    signal === null ||
    typeof signal.aborted !== 'boolean' ||
    typeof signal.addEventListener !== 'function' ||
    typeof signal.removeEventListener !== 'function'
  ) {
    throw new InvalidOptionError({ field, value, reason: 'must be an AbortSignal' });
  }
}
