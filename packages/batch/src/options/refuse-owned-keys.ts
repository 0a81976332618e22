import { InvalidOptionError } from '@resilient-llm/core';

/**
 * Throws `InvalidOptionError` when `fields`, the SDK fields a sender passes on as they are,
 * sets one the sender sets itself (`model`, `messages`, ...): it would be overridden, or would
 * override what the batch needs.
 */
export function refuseOwnedKeys(
  field: string,
  fields: unknown,
  ownedKeys: readonly string[],
): void {
  if (typeof fields !== 'object' || fields === null) return;
  for (const key of ownedKeys) {
    if (!Object.hasOwn(fields, key)) continue;
    throw new InvalidOptionError({
      field: `${field}.${key}`,
      value: (fields as Record<string, unknown>)[key],
      reason: 'is set by the sender itself and cannot be given here',
    });
  }
}
