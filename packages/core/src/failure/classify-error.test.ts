import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyError } from './classify-error';

describe('classifyError', () => {
  it('reads status, headers and code from an SDK-style error', () => {
    const error = Object.assign(new Error('Rate limit reached'), {
      status: 429,
      headers: new Headers({ 'Retry-After': '3' }),
      code: 'rate_limit_exceeded',
    });

    expect(classifyError(error)).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 3_000,
      status: 429,
      cause: error,
    });
  });

  it('reads statusCode, responseHeaders and a body’s error object', () => {
    const error = {
      statusCode: 429,
      responseHeaders: { 'retry-after-ms': '120' },
      error: { code: 'insufficient_quota', message: 'You exceeded your current quota' },
    };

    expect(classifyError(error)).toMatchObject({
      kind: 'spend-cap',
      retryable: false,
      fallbackable: true,
    });
  });

  it('classifies errors without a status as common errors', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

    expect(classifyError(reset)).toMatchObject({ kind: 'network', retryable: true });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof classifyError(value).kind).toBe('string');
      }),
    );
  });
});
