import type { RateLimitPermit } from '../rate-limit/rate-limit-permit';

/**
 * A permit the fleet granted for `tokens` tokens: settling it gives back (or charges) the
 * difference to the tokens used, releasing it gives back the request and every token, through
 * `refund`. Only the first of them counts. `onAnswered` hears, once, that the server answered
 * (`answered`, or implied by `settle` and `release`).
 */
export function createFleetPermit(
  tokens: number,
  refund: (requests: number, tokens: number) => void,
  onAnswered: () => void,
): RateLimitPermit {
  let finished = false;
  let answeredOnce = false;
  const answered = () => {
    if (answeredOnce) return;
    answeredOnce = true;
    onAnswered();
  };
  return {
    tokens,
    answered,
    settle: (actualTokens) => {
      answered();
      if (finished) return;
      finished = true;
      if (actualTokens >= 0 && actualTokens !== tokens) refund(0, tokens - actualTokens);
    },
    release: () => {
      answered();
      if (finished) return;
      finished = true;
      refund(1, tokens);
    },
  };
}
