import type { RateLimitSnapshot } from '../contract/rate-limit-snapshot';

/**
 * How long to wait before this target can serve again, by the provider's own account: the
 * explicit `retryAfterMs` when the server sent one, otherwise the latest reset among the
 * windows that are exhausted (`remaining` of `0`). `undefined` when the headers do not say.
 *
 * Providers often answer a 429 with rate-limit headers but no `retry-after`; the reset of the
 * exhausted window is then the honest wait, where a blind backoff would likely fail again.
 */
export function suggestedWaitMs(snapshot: RateLimitSnapshot | undefined): number | undefined {
  if (snapshot === undefined) return undefined;
  if (snapshot.retryAfterMs !== undefined) return snapshot.retryAfterMs;
  let waitMs: number | undefined;
  for (const window of [
    snapshot.requests,
    snapshot.tokens,
    snapshot.inputTokens,
    snapshot.outputTokens,
  ]) {
    if (window?.remaining === 0 && window.resetMs !== undefined) {
      waitMs = Math.max(waitMs ?? 0, window.resetMs);
    }
  }
  return waitMs;
}
