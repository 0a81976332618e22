import { InvalidOptionError } from '@resilient-llm/policies';

/**
 * Runs `build`, renaming the field of any `InvalidOptionError` it throws to sit under
 * `prefix` (`maxAttempts` becomes `retry.maxAttempts`), so the message names the option as
 * the user wrote it. `prefix` may depend on the field that failed.
 */
export function withOptionPrefix<T>(
  prefix: string | ((field: string) => string),
  build: () => T,
): T {
  try {
    return build();
  } catch (error) {
    if (!InvalidOptionError.isInstance(error)) throw error;
    throw error.under(typeof prefix === 'string' ? prefix : prefix(error.field));
  }
}
