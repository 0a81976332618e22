import { HttpError } from '@resilient-llm/test-utils/scripted-binding';
import type { Binding } from '../src/contract/binding';
import { classifyError } from '../src/failure/classify-error';
import { parseRateLimitHeaders } from '../src/headers/parse-rate-limit-headers';

/** How the provider counts requests: a bucket dripping back continuously, or fixed windows. */
export type ProviderWindow = 'continuous' | 'fixed';

/**
 * The header dialect the provider reports its requests window in.
 * - `openai`: `x-ratelimit-{limit,remaining,reset}-requests`, reset a Go duration until full.
 * - `anthropic`: `anthropic-ratelimit-requests-{limit,remaining,reset}`, reset an RFC 3339
 *   instant rounded up to the second.
 * - `azure`: `x-ms-ratelimit-{limit,remaining}-requests`, no reset.
 * - `gateway`: `ratelimit-{limit,remaining,reset}`, reset in whole seconds (IETF draft).
 * A 429 asks to wait until one request is back: `retry-after-ms` (OpenAI, Azure) or
 * `retry-after` in whole seconds (Anthropic, gateways).
 */
export type Dialect = 'openai' | 'anthropic' | 'azure' | 'gateway';

/** A provider limited to `requestsPerWindow` per `windowMs`, reporting in `dialect`. */
export interface DialectProviderOptions {
  readonly window: ProviderWindow;
  readonly requestsPerWindow: number;
  readonly windowMs: number;
  readonly dialect: Dialect;
  /** The limit the headers report, when they lie. Defaults to the real one. */
  readonly reportedLimit?: number;
  /** Longest delay from the call to its arrival at the server (drawn uniformly). Defaults to 5. */
  readonly sendJitterMs?: number;
  /** Longest server time (drawn uniformly, from 0). Defaults to 20. */
  readonly serverMs?: number;
  /** Least server time. Defaults to 0. */
  readonly minServerMs?: number;
  /** Seed of the draws. Defaults to 7. */
  readonly seed?: number;
}

/** A provider as a target: its limit, what it admitted and refused. */
export interface DialectProvider {
  readonly id: string;
  readonly options: DialectProviderOptions;
  /** Arrival times of admitted requests. */
  readonly admitted: number[];
  /** How many requests it refused with a 429. */
  refused: number;
}

/** The response of a {@link DialectProvider}: its text and headers. */
export interface DialectResponse {
  readonly text: string;
  readonly headers: Record<string, string>;
}

/** A provider named `id`; see {@link DialectProviderOptions}. */
export function dialectProvider(id: string, options: DialectProviderOptions): DialectProvider {
  return { id, options, admitted: [], refused: 0 };
}

interface ServerState {
  level: number;
  updatedAt: number;
  windowEndsAt: number;
  readonly random: () => number;
}

const states = new WeakMap<DialectProvider, ServerState>();

/** A seeded generator of numbers in [0, 1) (mulberry32), so runs repeat. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function stateOf(provider: DialectProvider, now: number): ServerState {
  let state = states.get(provider);
  if (!state) {
    const { requestsPerWindow, seed = 7 } = provider.options;
    state = {
      level: requestsPerWindow,
      updatedAt: now,
      windowEndsAt: 0,
      random: seededRandom(seed),
    };
    states.set(provider, state);
  }
  return state;
}

/** Counts one arriving request; the headers to answer with and whether it was refused. */
function admit(provider: DialectProvider, now: number) {
  const { window, requestsPerWindow: capacity, windowMs } = provider.options;
  const state = stateOf(provider, now);
  if (window === 'continuous') {
    state.level = Math.min(capacity, state.level + ((now - state.updatedAt) * capacity) / windowMs);
    state.updatedAt = now;
  } else if (now >= state.windowEndsAt) {
    state.level = capacity;
    state.windowEndsAt = 0;
  }
  const admitted = state.level >= 1 - 1e-9;
  if (admitted) {
    state.level -= 1;
    if (window === 'fixed' && state.windowEndsAt === 0) state.windowEndsAt = now + windowMs;
    provider.admitted.push(now);
  } else provider.refused += 1;
  const resetMs =
    window === 'continuous'
      ? ((capacity - state.level) * windowMs) / capacity
      : Math.max(0, state.windowEndsAt - now);
  const retryAfterMs =
    window === 'continuous' ? ((1 - state.level) * windowMs) / capacity : resetMs;
  const report = {
    limit: provider.options.reportedLimit ?? capacity,
    remaining: Math.max(0, Math.floor(state.level + 1e-9)),
    resetMs,
  };
  const headers = dialectHeaders(provider.options.dialect, report, now);
  if (!admitted) Object.assign(headers, retryAfterHeader(provider.options.dialect, retryAfterMs));
  return { admitted, headers };
}

/** How each dialect asks a refused request to wait: milliseconds, or whole seconds rounded up. */
function retryAfterHeader(dialect: Dialect, waitMs: number): Record<string, string> {
  return dialect === 'openai' || dialect === 'azure'
    ? { 'retry-after-ms': String(Math.ceil(waitMs)) }
    : { 'retry-after': String(Math.ceil(waitMs / 1000)) };
}

function dialectHeaders(
  dialect: Dialect,
  { limit, remaining, resetMs }: { limit: number; remaining: number; resetMs: number },
  now: number,
): Record<string, string> {
  switch (dialect) {
    case 'openai':
      return {
        'x-ratelimit-limit-requests': String(limit),
        'x-ratelimit-remaining-requests': String(remaining),
        'x-ratelimit-reset-requests': `${resetMs.toFixed(3)}ms`,
      };
    case 'anthropic':
      return {
        'anthropic-ratelimit-requests-limit': String(limit),
        'anthropic-ratelimit-requests-remaining': String(remaining),
        'anthropic-ratelimit-requests-reset': new Date(
          Math.ceil((now + resetMs) / 1000) * 1000,
        ).toISOString(),
      };
    case 'azure':
      return {
        'x-ms-ratelimit-limit-requests': String(limit),
        'x-ms-ratelimit-remaining-requests': String(remaining),
      };
    case 'gateway':
      return {
        'ratelimit-limit': String(limit),
        'ratelimit-remaining': String(remaining),
        'ratelimit-reset': String(Math.ceil(resetMs / 1000)),
      };
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A binding over dialect providers, non-streaming, on the global timers (fake timers drive
 * it): a request arrives after a random send delay, is counted, and is answered (or refused
 * with a 429 carrying the same headers) after a random server time.
 */
export const dialectBinding: Binding<DialectProvider, string, DialectResponse, never> = {
  targetId: (provider) => provider.id,
  async generate(provider, request, { signal }) {
    const { sendJitterMs = 5, serverMs = 20, minServerMs = 0 } = provider.options;
    const state = stateOf(provider, Date.now());
    await delay(state.random() * sendJitterMs, signal);
    const { admitted, headers } = admit(provider, Date.now());
    await delay(minServerMs + state.random() * serverMs, signal);
    if (!admitted) throw new HttpError(429, headers);
    return { text: `ok <- ${request}`, headers };
  },
  observe: (response) => ({ rateLimit: parseRateLimitHeaders(response.headers) }),
  stream: () => Promise.reject(new Error('the dialect binding does not stream')),
  classify: (error) => classifyError(error),
  partRole: () => 'other',
};
