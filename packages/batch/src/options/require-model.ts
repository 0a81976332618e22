import { InvalidOptionError } from '@resilient-llm/core';

/** Throws `InvalidOptionError` unless `value` is a non-empty model name. */
export function requireModel(field: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidOptionError({ field, value, reason: 'must be a non-empty model name' });
  }
}
