import type {
  HeadersLike,
  RateLimitSnapshot,
  RateLimitWindow,
} from '../contract/rate-limit-snapshot';
import { type HeaderLookup, headerLookup } from './header-lookup';
import { isAcceptableWaitMs } from './maximum-wait';
import { parseCount } from './parse-count';
import { parseNonNegativeDecimal } from './parse-non-negative-decimal';
import { parseReset } from './parse-reset';
import { retryAfterFrom } from './parse-retry-after';
import { parseShouldRetry } from './parse-should-retry';

/** Options of {@link parseRateLimitHeaders}. */
export interface ParseRateLimitHeadersOptions {
  /**
   * The moment the headers were received, in milliseconds since the epoch: timestamps and
   * HTTP dates become "milliseconds from `now`". Defaults to `Date.now()`.
   */
  readonly now?: number;
}

type WindowName = 'requests' | 'tokens' | 'inputTokens' | 'outputTokens';
type WindowHeaderNames = Readonly<Record<keyof RateLimitWindow, string>>;
type Mutable<Type> = { -readonly [Key in keyof Type]: Type[Key] };

const openAi = (window: string): WindowHeaderNames => ({
  limit: `x-ratelimit-limit-${window}`,
  remaining: `x-ratelimit-remaining-${window}`,
  resetMs: `x-ratelimit-reset-${window}`,
});

const anthropic = (window: string): WindowHeaderNames => ({
  limit: `anthropic-ratelimit-${window}-limit`,
  remaining: `anthropic-ratelimit-${window}-remaining`,
  resetMs: `anthropic-ratelimit-${window}-reset`,
});

const azure = (window: string): WindowHeaderNames => ({
  limit: `x-ms-ratelimit-limit-${window}`,
  remaining: `x-ms-ratelimit-remaining-${window}`,
  resetMs: `x-ms-ratelimit-reset-${window}`,
});

// Gateways count requests: the IETF draft's `RateLimit-*` fields and the older `X-RateLimit-*`.
const gateway = (prefix: string): WindowHeaderNames => ({
  limit: `${prefix}limit`,
  remaining: `${prefix}remaining`,
  resetMs: `${prefix}reset`,
});

// Per window, the header families to read, in order; each field takes the first usable value.
const windowSources: readonly (readonly [WindowName, readonly WindowHeaderNames[]])[] = [
  [
    'requests',
    [
      openAi('requests'),
      anthropic('requests'),
      azure('requests'),
      gateway('ratelimit-'),
      gateway('x-ratelimit-'),
    ],
  ],
  ['tokens', [openAi('tokens'), anthropic('tokens'), azure('tokens')]],
  ['inputTokens', [anthropic('input-tokens')]],
  ['outputTokens', [anthropic('output-tokens')]],
];

/**
 * Reads a response's rate-limit state: OpenAI `x-ratelimit-{limit,remaining,reset}-{requests,
 * tokens}` (reset as a Go-style duration), Anthropic
 * `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}`
 * (reset as an RFC 3339 timestamp), Azure `x-ms-ratelimit-{limit,remaining,reset}-{requests,
 * tokens}`, and for requests the gateways' `ratelimit-{limit,remaining,reset}` (IETF draft) and
 * `x-ratelimit-{limit,remaining,reset}` (a reset in epoch seconds is read as that instant),
 * `x-should-retry`, and the server-requested wait
 * (see {@link parseRetryAfter}). Works on Web `Headers` and plain records, any key case.
 *
 * Unknown values are left out rather than guessed: absent, empty, negative (`-1`) or garbage
 * values, and a `limit` of `0` (which no real window has). A `remaining` of `0` is real and
 * kept. A window with no known field is omitted, so headers without rate-limit information
 * give `{}`. Never throws.
 */
export function parseRateLimitHeaders(
  headers: HeadersLike | null | undefined,
  { now = Date.now() }: ParseRateLimitHeadersOptions = {},
): RateLimitSnapshot {
  // Read once: the dialects below are some thirty lookups.
  const lookup = headerLookup(headers);
  const snapshot: Mutable<RateLimitSnapshot> = {};
  for (const [windowName, sources] of windowSources) {
    const window = readWindow(lookup, sources, now);
    if (window !== undefined) snapshot[windowName] = window;
  }
  const retryAfterMs = retryAfterFrom(lookup, now);
  if (retryAfterMs !== undefined) snapshot.retryAfterMs = retryAfterMs;
  const shouldRetry = parseShouldRetry(lookup('x-should-retry'));
  if (shouldRetry !== undefined) snapshot.shouldRetry = shouldRetry;
  return snapshot;
}

function readWindow(
  lookup: HeaderLookup,
  sources: readonly WindowHeaderNames[],
  now: number,
): RateLimitWindow | undefined {
  const limit = firstValue(lookup, sources, 'limit', parseLimit, now);
  const remaining = firstValue(lookup, sources, 'remaining', parseCount, now);
  const resetMs = firstValue(lookup, sources, 'resetMs', parseResetOrEpoch, now);
  if (limit === undefined && remaining === undefined && resetMs === undefined) return undefined;
  const window: Mutable<RateLimitWindow> = {};
  if (limit !== undefined) window.limit = limit;
  if (remaining !== undefined) window.remaining = remaining;
  if (resetMs !== undefined) window.resetMs = resetMs;
  return window;
}

/** The first usable value of `field` across the header families, in their order. */
function firstValue(
  lookup: HeaderLookup,
  sources: readonly WindowHeaderNames[],
  field: keyof RateLimitWindow,
  parse: (text: string | undefined, now: number) => number | undefined,
  now: number,
): number | undefined {
  for (const names of sources) {
    const text = lookup(names[field]);
    if (text === undefined) continue;
    const value = parse(text, now);
    if (value !== undefined) return value;
  }
  return undefined;
}

const parseLimit = (text: string | undefined) => positive(parseCount(text));

const parseResetOrEpoch = (text: string | undefined, now: number) =>
  parseReset(text, now) ?? parseEpochSeconds(text, now);

// Gateways often send the reset as epoch seconds (`1767225600`), which read as a duration would
// be decades long: such a number is the instant of the reset.
function parseEpochSeconds(text: string | undefined, now: number): number | undefined {
  const seconds = parseNonNegativeDecimal(text);
  if (seconds === undefined || seconds < epochSecondsFloor || !Number.isFinite(now))
    return undefined;
  const untilMs = Math.max(0, seconds * 1000 - now);
  return isAcceptableWaitMs(untilMs) ? untilMs : undefined;
}

// 2001-09-09 in epoch seconds: no reset duration is this long, every epoch instant since is.
const epochSecondsFloor = 1_000_000_000;

// A limit of zero means the provider does not know or does not say; no window allows nothing.
function positive(value: number | undefined): number | undefined {
  return value === 0 ? undefined : value;
}
