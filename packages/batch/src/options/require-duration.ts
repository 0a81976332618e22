import { InvalidOptionError } from '@resilient-llm/core';

/** Throws `InvalidOptionError` unless `value` is a finite number of milliseconds, 0 or more. */
export function requireDuration(field: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidOptionError({ field, value, reason: 'must be a finite number of at least 0' });
  }
}
