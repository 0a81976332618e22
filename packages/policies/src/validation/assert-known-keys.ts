import { InvalidOptionError } from '../errors/invalid-option-error';
import { looksLikeCredential } from '../redaction/looks-like-credential';
import { closestKey } from './closest-key';

/**
 * Throws {@link InvalidOptionError} for the first own key of `options` that is not one of
 * `knownKeys`, naming its path under `field` (`retry.maxAttemps`; `field` is `''` at the top
 * level) and suggesting the known key it most likely means: "did you mean `maxAttempts`?".
 * A typo must not pass silently as a default. Anything but an object passes (check it apart).
 */
export function assertKnownKeys(
  field: string,
  options: unknown,
  knownKeys: readonly string[],
): void {
  if (typeof options !== 'object' || options === null) return;
  for (const key of Object.keys(options)) {
    if (knownKeys.includes(key)) continue;
    const name = looksLikeCredential(key) ? '[redacted]' : key;
    const suggestion = closestKey(key, knownKeys);
    const owner = field === '' ? 'a known option' : `an option of ${field}`;
    throw new InvalidOptionError({
      field: field === '' ? name : `${field}.${name}`,
      value: (options as Record<string, unknown>)[key],
      reason:
        suggestion === undefined
          ? `is not ${owner} (known: ${knownKeys.join(', ')})`
          : `is not ${owner}; did you mean \`${suggestion}\`?`,
    });
  }
}
