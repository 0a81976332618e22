import { expect } from 'vitest';

/** One grant of a rate limiter, as a property test records it. */
export interface Grant {
  readonly atMs: number;
  readonly tokens: number;
}

/**
 * The token-bucket bound: over any interval [from, to], at most `capacity + rate * (to - from)`
 * may be granted. Checked over every pair of grant times, which is where the bound is tightest.
 */
export function assertBucketBound(
  grants: readonly Grant[],
  weight: (grant: Grant) => number,
  capacity: number,
  windowMs: number,
): void {
  const sorted = [...grants].sort((a, b) => a.atMs - b.atMs);
  for (let first = 0; first < sorted.length; first++) {
    let sum = 0;
    for (let last = first; last < sorted.length; last++) {
      sum += weight(sorted[last]!);
      const spanMs = sorted[last]!.atMs - sorted[first]!.atMs;
      expect(sum).toBeLessThanOrEqual(capacity + (capacity * spanMs) / windowMs + 1e-6);
    }
  }
}
