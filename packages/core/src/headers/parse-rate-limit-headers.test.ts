import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { HeadersLike, RateLimitWindow } from '../contract/rate-limit-snapshot';
import { maximumWaitMs } from './maximum-wait';
import { parseRateLimitHeaders } from './parse-rate-limit-headers';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);

const openAiHeaders = {
  'X-RateLimit-Limit-Requests': '500',
  'x-ratelimit-remaining-requests': '499',
  'X-Ratelimit-Reset-Requests': '120ms',
  'x-ratelimit-limit-tokens': '30000',
  'x-ratelimit-remaining-tokens': '29000',
  'x-ratelimit-reset-tokens': '2m0.5s',
};

const anthropicHeaders = {
  'anthropic-ratelimit-requests-limit': '50',
  'anthropic-ratelimit-requests-remaining': '0',
  'anthropic-ratelimit-requests-reset': '2026-11-25T12:00:30Z',
  'anthropic-ratelimit-tokens-limit': '90000',
  'anthropic-ratelimit-tokens-remaining': '80000',
  'anthropic-ratelimit-tokens-reset': '2026-11-25T12:00:01.500Z',
  'Anthropic-RateLimit-Input-Tokens-Limit': '40000',
  'anthropic-ratelimit-input-tokens-remaining': '39000',
  'anthropic-ratelimit-input-tokens-reset': '2026-11-25T12:00:02Z',
  'anthropic-ratelimit-output-tokens-limit': '8000',
  'anthropic-ratelimit-output-tokens-remaining': '7000',
  'anthropic-ratelimit-output-tokens-reset': '2026-11-25T11:59:00Z',
};

describe('parseRateLimitHeaders', () => {
  it.each([
    ['a plain record', (record: Record<string, string>) => record],
    ['Web Headers', (record: Record<string, string>) => new Headers(record)],
  ])('reads OpenAI headers from %s', (_, toHeaders) => {
    expect(parseRateLimitHeaders(toHeaders(openAiHeaders), { now })).toEqual({
      requests: { limit: 500, remaining: 499, resetMs: 120 },
      tokens: { limit: 30_000, remaining: 29_000, resetMs: 120_500 },
    });
  });

  it.each([
    ['a plain record', (record: Record<string, string>) => record],
    ['Web Headers', (record: Record<string, string>) => new Headers(record)],
  ])('reads Anthropic headers from %s', (_, toHeaders) => {
    expect(
      parseRateLimitHeaders(toHeaders({ ...anthropicHeaders, 'retry-after': '30' }), { now }),
    ).toEqual({
      requests: { limit: 50, remaining: 0, resetMs: 30_000 },
      tokens: { limit: 90_000, remaining: 80_000, resetMs: 1500 },
      inputTokens: { limit: 40_000, remaining: 39_000, resetMs: 2000 },
      // A reset in the past means the window has already reset.
      outputTokens: { limit: 8000, remaining: 7000, resetMs: 0 },
      retryAfterMs: 30_000,
    });
  });

  it('reads x-should-retry and the server-requested wait', () => {
    const headers = { 'X-Should-Retry': 'false', 'retry-after-ms': '1500', 'retry-after': '2' };
    expect(parseRateLimitHeaders(headers, { now })).toEqual({
      retryAfterMs: 1500,
      shouldRetry: false,
    });
    expect(parseRateLimitHeaders({ 'x-should-retry': 'TRUE' }, { now })).toEqual({
      shouldRetry: true,
    });
    expect(parseRateLimitHeaders({ 'x-should-retry': 'maybe' }, { now })).toEqual({});
  });

  it('leaves unknown values out and omits empty windows', () => {
    const headers = {
      'x-ratelimit-limit-requests': '0',
      'x-ratelimit-remaining-requests': '-1',
      'x-ratelimit-reset-requests': 'soon',
      'x-ratelimit-limit-tokens': '',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '-1s',
      'anthropic-ratelimit-input-tokens-limit': 'NaN',
    };
    expect(parseRateLimitHeaders(headers, { now })).toEqual({ tokens: { remaining: 0 } });
  });

  it('takes each field from the first header family that has a usable value', () => {
    const headers = {
      'x-ratelimit-limit-requests': '-1',
      'x-ratelimit-remaining-requests': '10',
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '20',
    };
    expect(parseRateLimitHeaders(headers, { now }).requests).toEqual({ limit: 50, remaining: 10 });
  });

  it('gives {} for no headers, empty headers and unrelated headers', () => {
    expect(parseRateLimitHeaders(undefined, { now })).toEqual({});
    expect(parseRateLimitHeaders(new Headers(), { now })).toEqual({});
    expect(parseRateLimitHeaders({ 'content-type': 'application/json' }, { now })).toEqual({});
  });

  it('never throws and returns only known, bounded numbers for arbitrary headers', () => {
    const windows = ['requests', 'tokens', 'input-tokens', 'output-tokens'];
    const fields = ['limit', 'remaining', 'reset'];
    const name = fc.oneof(
      fc
        .tuple(fc.constantFrom('requests', 'tokens'), fc.constantFrom(...fields))
        .map(([window, field]) => `x-ratelimit-${field}-${window}`),
      fc
        .tuple(fc.constantFrom(...windows), fc.constantFrom(...fields))
        .map(([window, field]) => `anthropic-ratelimit-${window}-${field}`),
      fc.constantFrom('retry-after', 'retry-after-ms', 'x-ms-retry-after-ms', 'x-should-retry'),
      fc.string(),
    );
    const value = fc.oneof(
      fc.string(),
      fc.integer().map(String),
      fc.double().map(String),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.nat().map((ms) => `${ms}ms`),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.dictionary(name, value), fc.oneof(fc.integer(), fc.double()), (record, at) => {
        const snapshot = parseRateLimitHeaders(record as HeadersLike, { now: at });
        const windowsRead: (RateLimitWindow | undefined)[] = [
          snapshot.requests,
          snapshot.tokens,
          snapshot.inputTokens,
          snapshot.outputTokens,
        ];
        for (const window of windowsRead) {
          if (window === undefined) continue;
          expect(Object.keys(window).length).toBeGreaterThan(0);
          if (window.limit !== undefined) expect(window.limit).toBeGreaterThan(0);
          for (const field of [window.limit, window.remaining]) {
            if (field !== undefined) expect(Number.isSafeInteger(Math.floor(field))).toBe(true);
            if (field !== undefined) expect(field).toBeGreaterThanOrEqual(0);
          }
          if (window.resetMs !== undefined) expectBoundedWait(window.resetMs);
        }
        if (snapshot.retryAfterMs !== undefined) expectBoundedWait(snapshot.retryAfterMs);
        expect([undefined, true, false]).toContain(snapshot.shouldRetry);
      }),
    );
  });

  it('never throws on hostile header objects', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(parseRateLimitHeaders(hostile, { now })).toEqual({});
  });
});

function expectBoundedWait(milliseconds: number): void {
  expect(Number.isFinite(milliseconds)).toBe(true);
  expect(milliseconds).toBeGreaterThanOrEqual(0);
  expect(milliseconds).toBeLessThanOrEqual(maximumWaitMs);
}

describe('parseRateLimitHeaders, dialects beyond OpenAI and Anthropic', () => {
  const now = Date.UTC(2026, 0, 1);

  it("reads Azure's x-ms-ratelimit headers for requests and tokens", () => {
    expect(
      parseRateLimitHeaders(
        {
          'x-ms-ratelimit-remaining-requests': '59',
          'x-ms-ratelimit-limit-requests': '60',
          'x-ms-ratelimit-remaining-tokens': '9000',
        },
        { now },
      ),
    ).toEqual({ requests: { limit: 60, remaining: 59 }, tokens: { remaining: 9000 } });
  });

  it("reads a gateway's RateLimit-* fields as the requests window, the reset in seconds", () => {
    expect(
      parseRateLimitHeaders(
        { 'RateLimit-Limit': '100', 'RateLimit-Remaining': '7', 'RateLimit-Reset': '12' },
        { now },
      ),
    ).toEqual({ requests: { limit: 100, remaining: 7, resetMs: 12_000 } });
  });

  it('reads an X-RateLimit-Reset in epoch seconds as the instant of the reset', () => {
    expect(
      parseRateLimitHeaders(
        {
          'X-RateLimit-Limit': '5000',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(now / 1000 + 30),
        },
        { now },
      ),
    ).toEqual({ requests: { limit: 5000, remaining: 0, resetMs: 30_000 } });
  });

  it('prefers the OpenAI family when a gateway adds its own fields', () => {
    expect(
      parseRateLimitHeaders(
        {
          'x-ratelimit-remaining-requests': '3',
          'x-ratelimit-remaining': '99',
        },
        { now },
      ).requests,
    ).toEqual({ remaining: 3 });
  });
});

describe('parseRateLimitHeaders, headers read once', () => {
  it('reads Web Headers in one pass, as it reads them by name', () => {
    const entries: [string, string][] = [
      ['X-RateLimit-Limit-Requests', '500'],
      ['x-ratelimit-remaining-requests', '499'],
      ['x-ratelimit-reset-requests', '120ms'],
      ['Retry-After', '2'],
    ];
    const headers = new Headers(entries);
    const get = vi.spyOn(headers, 'get');
    const snapshot = parseRateLimitHeaders(headers, { now: 0 });
    expect(get).not.toHaveBeenCalled();
    expect(snapshot).toEqual(parseRateLimitHeaders(Object.fromEntries(entries), { now: 0 }));
    expect(snapshot.requests).toEqual({ limit: 500, remaining: 499, resetMs: 120 });
    expect(snapshot.retryAfterMs).toBe(2000);
  });

  it('in a record, a key in lower case wins over one that differs only in case', () => {
    expect(parseRateLimitHeaders({ 'Retry-After': '5', 'retry-after': '1' }).retryAfterMs).toBe(
      1000,
    );
    expect(parseRateLimitHeaders({ 'RETRY-AFTER': '4', 'Retry-After': '5' }).retryAfterMs).toBe(
      4000,
    );
  });
});
