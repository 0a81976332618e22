import { InvalidOptionError } from '@resilient-llm/policies';

/**
 * Runs `build`, renaming the field of any `InvalidOptionError` it throws to sit under
 * `prefix` (`maxAttempts` becomes `retry.maxAttempts`), so the message names the option as
 * the user wrote it.
 */
export function withOptionPrefix<T>(prefix: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!InvalidOptionError.isInstance(error)) throw error;
    throw new InvalidOptionError({
      field: `${prefix}.${error.field}`,
      value: error.value,
      reason: error.reason,
    });
  }
}
