import type { RateLimitPermit } from '../rate-limit/rate-limit-permit';

/**
 * A permit the fleet granted for `tokens` tokens: settling it gives back (or charges) the
 * difference to the tokens used, releasing it gives back the request and every token, through
 * `refund`. Only the first of them counts.
 */
export function createFleetPermit(
  tokens: number,
  refund: (requests: number, tokens: number) => void,
): RateLimitPermit {
  let finished = false;
  return {
    tokens,
    settle: (actualTokens) => {
      if (finished) return;
      finished = true;
      if (actualTokens >= 0 && actualTokens !== tokens) refund(0, tokens - actualTokens);
    },
    release: () => {
      if (finished) return;
      finished = true;
      refund(1, tokens);
    },
  };
}
