import { formatGoDuration } from '../time/format-go-duration';
import type { RateLimitSnapshot } from './key-limiter';

/** OpenAI's `x-ratelimit-{limit,remaining,reset}-{requests,tokens}` headers for a snapshot. */
export function rateLimitHeaders(snapshot: RateLimitSnapshot): Record<string, string> {
  return {
    'x-ratelimit-limit-requests': String(snapshot.limitRequests),
    'x-ratelimit-remaining-requests': String(snapshot.remainingRequests),
    'x-ratelimit-reset-requests': formatGoDuration(snapshot.resetRequestsMs),
    'x-ratelimit-limit-tokens': String(snapshot.limitTokens),
    'x-ratelimit-remaining-tokens': String(snapshot.remainingTokens),
    'x-ratelimit-reset-tokens': formatGoDuration(snapshot.resetTokensMs),
  };
}

/** `retry-after` (whole seconds, rounded up) and `retry-after-ms` for a wait. */
export function retryAfterHeaders(waitMs: number): Record<string, string> {
  const wholeMs = Math.max(0, Math.ceil(waitMs));
  return { 'retry-after': String(Math.ceil(wholeMs / 1000)), 'retry-after-ms': String(wholeMs) };
}
