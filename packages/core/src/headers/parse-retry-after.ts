import type { HeadersLike } from '../contract/rate-limit-snapshot';
import type { HeaderLookup } from './header-lookup';
import { isAcceptableWaitMs } from './maximum-wait';
import { parseHttpDate } from './parse-http-date';
import { parseNonNegativeDecimal } from './parse-non-negative-decimal';
import { readHeader } from './read-header';

/** Options of {@link parseRetryAfter}. */
export interface ParseRetryAfterOptions {
  /**
   * The moment the headers were received, in milliseconds since the epoch, against which an
   * HTTP date is measured. Defaults to `Date.now()`.
   */
  readonly now?: number;
}

// The millisecond headers come first: they are more precise than whole-second `retry-after`,
// and servers that send both (OpenAI, Azure) mean the same wait.
const millisecondHeaders = ['retry-after-ms', 'x-ms-retry-after-ms'] as const;

/**
 * How long the server asked the client to wait, in milliseconds, from `retry-after-ms`,
 * then `x-ms-retry-after-ms`, then `retry-after` (seconds, integer or decimal, or an HTTP
 * date). A header that is absent or unusable gives way to the next one.
 *
 * An HTTP date in the past gives `0`: the server's wait is already over, so "retry now".
 * Negative values (including `-1`), garbage, empty values and waits longer than
 * {@link maximumWaitMs} give `undefined`. Never throws.
 */
export function parseRetryAfter(
  headers: HeadersLike | null | undefined,
  { now = Date.now() }: ParseRetryAfterOptions = {},
): number | undefined {
  return retryAfterFrom((name) => readHeader(headers, name), now);
}

/** {@link parseRetryAfter} over a lookup, for a caller that reads many headers at once. */
export function retryAfterFrom(lookup: HeaderLookup, now: number): number | undefined {
  for (const name of millisecondHeaders) {
    const milliseconds = parseNonNegativeDecimal(lookup(name));
    if (milliseconds !== undefined && isAcceptableWaitMs(milliseconds)) return milliseconds;
  }
  return parseRetryAfterValue(lookup('retry-after'), { now });
}

/**
 * Parses one `retry-after` value: seconds (integer or decimal) or an HTTP date measured from
 * `now`. Same rules as {@link parseRetryAfter}.
 */
export function parseRetryAfterValue(
  text: string | undefined,
  { now = Date.now() }: ParseRetryAfterOptions = {},
): number | undefined {
  const seconds = parseNonNegativeDecimal(text);
  if (seconds !== undefined) {
    const milliseconds = seconds * 1000;
    return isAcceptableWaitMs(milliseconds) ? milliseconds : undefined;
  }
  const dateMs = parseHttpDate(text, { now });
  if (dateMs === undefined || !Number.isFinite(now)) return undefined;
  const milliseconds = Math.max(0, dateMs - now);
  return isAcceptableWaitMs(milliseconds) ? milliseconds : undefined;
}
