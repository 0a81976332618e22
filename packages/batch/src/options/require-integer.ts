import { InvalidOptionError } from '@resilient-llm/core';

/** Throws `InvalidOptionError` unless `value` is an integer of at least `minimum`. */
export function requireInteger(field: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new InvalidOptionError({
      field,
      value,
      reason: `must be an integer of at least ${minimum}`,
    });
  }
}
