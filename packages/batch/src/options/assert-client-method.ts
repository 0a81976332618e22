import { InvalidOptionError } from '@resilient-llm/core';

/** Throws `InvalidOptionError` unless the client's method at `field` is a function. */
export function assertClientMethod(field: string, method: unknown): void {
  if (typeof method !== 'function') {
    throw new InvalidOptionError({
      field,
      value: method,
      reason: 'must be a function (client must be an OpenAI client, or a resilient one)',
    });
  }
}
