import { isAcceptableWaitMs } from './maximum-wait';
import { parseDuration } from './parse-duration';
import { parseHttpDate } from './parse-http-date';
import { parseTimestamp } from './parse-timestamp';

/**
 * Milliseconds from `now` until a rate-limit window resets, from whatever form the header
 * takes: a duration (OpenAI's Go-style `6m0s`, or plain seconds) or an instant (Anthropic's
 * RFC 3339 timestamp, or an HTTP date). Providers and gateways are not consistent about which
 * header carries which form, so every form is tried on every header.
 *
 * An instant in the past gives `0` (the window has already reset). Returns `undefined` for
 * anything unusable. Never throws.
 */
export function parseReset(text: string | undefined, now: number): number | undefined {
  const durationMs = parseDuration(text);
  if (durationMs !== undefined) return durationMs;
  if (!Number.isFinite(now)) return undefined;
  const instantMs = parseTimestamp(text) ?? parseHttpDate(text, { now });
  if (instantMs === undefined) return undefined;
  const untilMs = Math.max(0, instantMs - now);
  return isAcceptableWaitMs(untilMs) ? untilMs : undefined;
}
