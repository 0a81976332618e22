import { InvalidOptionError } from '@resilient-llm/core';

/** Validates an optional name reported to the AI SDK (`provider`, `modelId`): a non-empty string. */
export function assertReportedName(field: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'string' || value === '')) {
    throw new InvalidOptionError({ field, value, reason: 'must be a non-empty string' });
  }
}
