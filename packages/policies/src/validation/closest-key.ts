import { editDistance } from './edit-distance';

// Spelling differences that do not count: case, dashes, underscores.
const normalize = (key: string) => key.toLowerCase().replace(/[-_]/g, '');

/**
 * The known key `key` was most likely meant to be (`maxAttemps` -> `maxAttempts`, `timeout`
 * -> `timeoutMs`, `max_attempts` -> `maxAttempts`), or `undefined` when none is close: within
 * a third of the longer name's length in edits, or one name starting with the other.
 */
export function closestKey(key: string, knownKeys: readonly string[]): string | undefined {
  const wanted = normalize(key);
  let best: { key: string; distance: number } | undefined;
  for (const known of knownKeys) {
    const candidate = normalize(known);
    const distance = editDistance(wanted, candidate);
    const shorter = Math.min(wanted.length, candidate.length);
    const isPrefix = shorter >= 3 && (candidate.startsWith(wanted) || wanted.startsWith(candidate));
    const limit = Math.max(1, Math.floor(Math.max(wanted.length, candidate.length) / 3));
    if (distance > limit && !isPrefix) continue;
    if (best === undefined || distance < best.distance) best = { key: known, distance };
  }
  return best?.key;
}
