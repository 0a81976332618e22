import { InvalidOptionError } from '@resilient-llm/core';

/** Throws `InvalidOptionError` unless `value` is a function. */
export function requireFunction(field: string, value: unknown): void {
  if (typeof value !== 'function') {
    throw new InvalidOptionError({ field, value, reason: 'must be a function' });
  }
}
