import { InvalidOptionError } from '@resilient-llm/core';

/** Throws `InvalidOptionError` when `value` is `null` or `undefined`. */
export function requirePresent(field: string, value: unknown): void {
  if (value === null || value === undefined) {
    throw new InvalidOptionError({ field, value, reason: 'is required' });
  }
}
