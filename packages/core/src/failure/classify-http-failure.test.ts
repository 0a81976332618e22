import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FailureKind } from '../contract/failure';
import type { HeadersLike } from '../contract/rate-limit-snapshot';
import { classifyHttpFailure } from './classify-http-failure';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('classifyHttpFailure', () => {
  it.each<[string, Parameters<typeof classifyHttpFailure>[0], FailureKind, boolean, boolean]>([
    ['429', { status: 429 }, 'rate-limited', true, true],
    [
      '429 insufficient_quota',
      { status: 429, code: 'insufficient_quota' },
      'spend-cap',
      false,
      true,
    ],
    [
      '429 with the quota message',
      { status: 429, message: 'You exceeded your current quota, please check your plan.' },
      'spend-cap',
      false,
      true,
    ],
    [
      '429 billing_hard_limit_reached as type',
      { status: 429, type: 'billing_hard_limit_reached' },
      'spend-cap',
      false,
      true,
    ],
    [
      '429 from Gemini per-minute quota',
      {
        status: 429,
        code: 'RESOURCE_EXHAUSTED',
        message:
          'You exceeded your current quota, please check your plan and billing details. Please retry in 21.2s.',
      },
      'rate-limited',
      true,
      true,
    ],
    [
      '429 request too large for the TPM limit',
      {
        status: 429,
        code: 'rate_limit_exceeded',
        message:
          'Request too large for gpt-4 on tokens per min (TPM): Limit 10000, Requested 20000.',
      },
      'rate-limited',
      false,
      true,
    ],
    ['402', { status: 402 }, 'spend-cap', false, true],
    [
      '400 credit balance',
      { status: 400, message: 'Your credit balance is too low to access the API.' },
      'spend-cap',
      false,
      true,
    ],
    ['503', { status: 503 }, 'overloaded', true, true],
    ['529', { status: 529, type: 'overloaded_error' }, 'overloaded', true, true],
    ['500 overloaded_error', { status: 500, type: 'overloaded_error' }, 'overloaded', true, true],
    ['500', { status: 500 }, 'server', true, true],
    ['502', { status: 502 }, 'server', true, true],
    ['504', { status: 504 }, 'server', true, true],
    ['408', { status: 408 }, 'timeout', true, true],
    [
      '400 context_length_exceeded',
      { status: 400, code: 'context_length_exceeded' },
      'context-length',
      false,
      true,
    ],
    [
      '400 string_above_max_length',
      { status: 400, code: 'string_above_max_length' },
      'context-length',
      false,
      true,
    ],
    [
      '400 maximum context length',
      { status: 400, message: "This model's maximum context length is 8192 tokens." },
      'context-length',
      false,
      true,
    ],
    [
      '400 prompt is too long',
      {
        status: 400,
        type: 'invalid_request_error',
        message: 'prompt is too long: 210000 tokens > 200000 maximum',
      },
      'context-length',
      false,
      true,
    ],
    [
      '400 context window',
      { status: 400, message: 'Input exceeds the context window' },
      'context-length',
      false,
      true,
    ],
    ['413', { status: 413 }, 'context-length', false, true],
    ['400 content_filter', { status: 400, code: 'content_filter' }, 'content-filter', false, true],
    [
      '400 content_policy_violation',
      { status: 400, code: 'content_policy_violation' },
      'content-filter',
      false,
      true,
    ],
    ['401', { status: 401 }, 'auth', false, true],
    ['403', { status: 403, type: 'permission_error' }, 'auth', false, true],
    ['404', { status: 404 }, 'bad-request', false, true],
    ['400', { status: 400, type: 'invalid_request_error' }, 'bad-request', false, false],
    ['409', { status: 409 }, 'bad-request', false, false],
    ['422', { status: 422 }, 'bad-request', false, false],
    [
      '200 stream error overloaded',
      { status: 200, type: 'overloaded_error' },
      'overloaded',
      true,
      true,
    ],
    ['no status, rate_limit_error', { type: 'rate_limit_error' }, 'rate-limited', true, true],
    ['no status, api_error', { type: 'api_error' }, 'server', true, true],
    ['no status, authentication_error', { type: 'authentication_error' }, 'auth', false, true],
    [
      'no status, context length code',
      { code: 'context_length_exceeded' },
      'context-length',
      false,
      true,
    ],
    ['no status, nothing known', { message: 'odd' }, 'unknown', false, true],
    ['no status, a network cause', { cause: new TypeError('fetch failed') }, 'network', true, true],
    [
      'an invalid status',
      { status: 1234, cause: new Error('socket hang up') },
      'network',
      true,
      true,
    ],
  ])('classifies %s', (_, details, kind, retryable, fallbackable) => {
    expect(classifyHttpFailure({ now, ...details })).toMatchObject({
      kind,
      retryable,
      fallbackable,
    });
  });

  it('keeps status, cause and a message naming both status and provider message', () => {
    const cause = new Error('boom');
    const failure = classifyHttpFailure({ status: 500, message: ' Internal error ', cause, now });
    expect(failure).toMatchObject({ status: 500, cause, message: 'HTTP 500: Internal error' });
    expect(classifyHttpFailure({ status: 502, now }).message).toBe('HTTP 502');
    expect(classifyHttpFailure({ cause: new Error('socket hang up'), now }).message).toBe(
      'socket hang up',
    );
  });

  it('gives an attempt phase to 408', () => {
    expect(classifyHttpFailure({ status: 408, now }).phase).toBe('attempt');
  });

  it('reads the wait of a 429 from retry-after headers', () => {
    const failure = classifyHttpFailure({
      status: 429,
      headers: new Headers({ 'Retry-After': '7', 'x-ratelimit-remaining-requests': '0' }),
      now,
    });
    expect(failure).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 7000,
      rateLimit: { requests: { remaining: 0 }, retryAfterMs: 7000 },
    });
  });

  it('waits for the exhausted window to reset when a 429 has no retry-after', () => {
    const failure = classifyHttpFailure({
      status: 429,
      headers: {
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '1.5s',
        'x-ratelimit-remaining-tokens': '100',
        'x-ratelimit-reset-tokens': '30s',
      },
      now,
    });
    expect(failure.retryAfterMs).toBe(1500);
  });

  it('keeps the retry-after of a 503', () => {
    const failure = classifyHttpFailure({ status: 503, headers: { 'retry-after': '2' }, now });
    expect(failure).toMatchObject({ kind: 'overloaded', retryAfterMs: 2000 });
  });

  it('reads Anthropic reset timestamps against now', () => {
    const failure = classifyHttpFailure({
      status: 429,
      type: 'rate_limit_error',
      headers: {
        'anthropic-ratelimit-tokens-remaining': '0',
        'anthropic-ratelimit-tokens-reset': '2026-11-25T12:00:20Z',
      },
      now,
    });
    expect(failure).toMatchObject({ kind: 'rate-limited', retryAfterMs: 20_000 });
  });

  it('leaves rateLimit and retryAfterMs out when the headers say nothing', () => {
    const failure = classifyHttpFailure({ status: 429, headers: { 'content-type': 'json' }, now });
    expect(failure).not.toHaveProperty('rateLimit');
    expect(failure).not.toHaveProperty('retryAfterMs');
  });

  it('obeys x-should-retry: false for any status', () => {
    for (const status of [429, 500, 503, 408]) {
      const failure = classifyHttpFailure({ status, headers: { 'x-should-retry': 'false' }, now });
      expect(failure.retryable).toBe(false);
      expect(failure.fallbackable).toBe(true);
    }
  });

  it('obeys x-should-retry: true for 408, 409, 429 and 5xx only', () => {
    const headers = { 'X-Should-Retry': 'true' };
    for (const status of [408, 409, 429, 500, 529]) {
      expect(classifyHttpFailure({ status, headers, now }).retryable).toBe(true);
    }
    for (const status of [400, 401, 404, 413]) {
      expect(classifyHttpFailure({ status, headers, now }).retryable).toBe(false);
    }
  });

  it('keeps a spend cap unretryable even when x-should-retry says true', () => {
    const failure = classifyHttpFailure({
      status: 429,
      code: 'insufficient_quota',
      headers: { 'x-should-retry': 'true' },
      now,
    });
    expect(failure).toMatchObject({ kind: 'spend-cap', retryable: false });
  });

  it('never throws and always returns a complete failure', () => {
    const details = fc.record(
      {
        status: fc.oneof(fc.integer({ min: 0, max: 700 }), fc.double(), fc.constant(null)),
        headers: fc.oneof(
          fc.dictionary(
            fc.constantFrom('retry-after', 'x-should-retry', 'x-ratelimit-reset-tokens', 'other'),
            fc.oneof(fc.string(), fc.anything()),
          ),
          fc.anything(),
        ),
        code: fc.oneof(fc.string(), fc.constantFrom('insufficient_quota', 'content_filter')),
        type: fc.oneof(fc.string(), fc.constantFrom('overloaded_error', 'api_error')),
        message: fc.oneof(fc.string(), fc.anything()),
        cause: fc.anything(),
        now: fc.oneof(fc.integer(), fc.double()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(details, (input) => {
        const failure = classifyHttpFailure(input as Parameters<typeof classifyHttpFailure>[0]);
        expect(typeof failure.kind).toBe('string');
        expect(typeof failure.retryable).toBe('boolean');
        expect(typeof failure.fallbackable).toBe('boolean');
        expect(typeof failure.message).toBe('string');
        if (failure.retryAfterMs !== undefined) {
          expect(Number.isFinite(failure.retryAfterMs)).toBe(true);
          expect(failure.retryAfterMs).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('accepts headers of any shape without throwing', () => {
    const hostile = new Proxy({} as HeadersLike, {
      get() {
        throw new Error('boom');
      },
    });
    expect(classifyHttpFailure({ status: 429, headers: hostile, now }).kind).toBe('rate-limited');
  });
});
