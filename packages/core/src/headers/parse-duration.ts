import { isAcceptableWaitMs } from './maximum-wait';
import { parseNonNegativeDecimal } from './parse-non-negative-decimal';

const millisecondsPerUnit: Readonly<Record<string, number>> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  // Go accepts both the micro sign (U+00B5) and the Greek small mu (U+03BC).
  µs: 0.001,
  μs: 0.001,
  ns: 0.000_001,
};

// One `<number><unit>` component, matched from `lastIndex` on. Units that share a first
// letter are listed longest first so that `ms` is never read as `m` followed by garbage.
const componentPattern = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|h|m|s)/y;

/**
 * Parses a duration into milliseconds: a Go-style duration as OpenAI sends in
 * `x-ratelimit-reset-*` (`1s`, `6m0s`, `12ms`, `1h2m3.5s`, `0.5s`, `100us`, `100µs`, `10ns`),
 * or a plain non-negative number, read as seconds (the unit of `retry-after`, and what
 * OpenAI-compatible gateways send when they drop the unit).
 *
 * Returns `undefined` for anything else: empty text, garbage, negatives, and durations longer
 * than {@link maximumWaitMs}. The result may be fractional (`100us` is `0.1`); it is rounded to
 * whole nanoseconds so that `1.1s` reads as exactly `1100`. Never throws.
 */
export function parseDuration(text: string | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim().toLowerCase();
  const seconds = parseNonNegativeDecimal(trimmed);
  if (seconds !== undefined) return acceptable(seconds * 1000);
  // Go allows a leading `+`; a leading `-` is a negative duration, which means nothing here.
  const body = trimmed.startsWith('+') ? trimmed.slice(1) : trimmed;
  if (body === '') return undefined;
  let totalMs = 0;
  componentPattern.lastIndex = 0;
  while (componentPattern.lastIndex < body.length) {
    const match = componentPattern.exec(body);
    if (match === null) return undefined;
    const [, amount = '', unit = ''] = match;
    totalMs += Number(amount) * (millisecondsPerUnit[unit] ?? Number.NaN);
  }
  return acceptable(totalMs);
}

function acceptable(milliseconds: number): number | undefined {
  const rounded = Math.round(milliseconds * 1_000_000) / 1_000_000;
  return isAcceptableWaitMs(rounded) ? rounded : undefined;
}
