import { numberToText } from './number-text';

/**
 * How long a breaker key lives after each change: until its open period and its probe lease
 * are over, then `keptAfterMs` more (a half-open breaker nobody probes reads closed after
 * that), at most `maximumMs`.
 */
const breakerStateExpiry = {
  keptAfterMs: 10 * 60_000,
  maximumMs: 7 * 24 * 60 * 60_000,
} as const;

/**
 * The arguments (`ARGV`) of a breaker script (`lua/breaker-lua.ts`) for the breaker under
 * `key` at `now`, changes published on `channel`; `untilMs` is the open period or lease asked
 * for (0 for closing).
 */
export function breakerArguments(
  now: number,
  channel: string,
  key: string,
  untilMs: number,
): string[] {
  return [
    numberToText(now),
    numberToText(breakerStateExpiry.keptAfterMs),
    numberToText(breakerStateExpiry.maximumMs),
    channel,
    key,
    numberToText(untilMs),
  ];
}
