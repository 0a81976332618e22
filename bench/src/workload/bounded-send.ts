import type { SendRequest } from './offer-load.ts';

/** The error name of a call still pending at its bound: it never settled. */
export const NEVER_SETTLED = 'NeverSettled';

class NeverSettled extends Error {
  override readonly name = NEVER_SETTLED;
}

/**
 * `send`, with each call failing as {@link NEVER_SETTLED} when it has neither resolved nor
 * rejected `boundMs` after it was made (its deadline plus a grace): a lost call is counted
 * instead of waited for, whatever it does afterwards.
 */
export function boundedSend(send: SendRequest, boundMs: number): SendRequest {
  return (index, signal) => {
    let bound: NodeJS.Timeout | undefined;
    const lost = new Promise<never>((_, reject) => {
      bound = setTimeout(() => reject(new NeverSettled()), boundMs);
    });
    return Promise.race([send(index, signal), lost]).finally(() => clearTimeout(bound));
  };
}
