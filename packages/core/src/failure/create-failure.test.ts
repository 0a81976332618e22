import { describe, expect, it } from 'vitest';
import { createFailure } from './create-failure';

describe('createFailure', () => {
  it('applies the defaults of the kind and leaves absent fields out', () => {
    const cause = new Error('boom');
    expect(createFailure('context-length', { cause })).toStrictEqual({
      kind: 'context-length',
      retryable: false,
      fallbackable: true,
      message: "The prompt does not fit the model's context window.",
      cause,
    });
  });

  it('keeps status, wait, phase, rate-limit state and message', () => {
    const failure = createFailure('rate-limited', {
      message: 'slow down',
      status: 429,
      retryAfterMs: 1500,
      rateLimit: { retryAfterMs: 1500 },
    });
    expect(failure).toMatchObject({
      kind: 'rate-limited',
      retryable: true,
      fallbackable: true,
      status: 429,
      retryAfterMs: 1500,
      rateLimit: { retryAfterMs: 1500 },
      message: 'slow down',
    });
  });

  it('lets the caller override retryable and fallbackable', () => {
    const failure = createFailure('server', { retryable: false, fallbackable: false });
    expect(failure).toMatchObject({ retryable: false, fallbackable: false });
  });

  it('makes a total timeout neither retryable nor fallbackable', () => {
    expect(createFailure('timeout', { phase: 'total' })).toMatchObject({
      retryable: false,
      fallbackable: false,
      phase: 'total',
    });
    expect(createFailure('timeout', { phase: 'first-token' })).toMatchObject({
      retryable: true,
      fallbackable: true,
    });
  });

  it('drops unusable numbers, empty snapshots and blank messages', () => {
    const failure = createFailure('server', {
      status: Number.NaN,
      retryAfterMs: -1,
      rateLimit: {},
      message: '  ',
    });
    expect(Object.keys(failure).sort()).toEqual(
      ['cause', 'fallbackable', 'kind', 'message', 'retryable'].sort(),
    );
    expect(failure.message).toBe('The provider failed.');
  });
});
