import { APICallError } from '@ai-sdk/provider';
import { AbortedError, TimeoutError } from '@resilient-llm/core';
import { describe, expect, it } from 'vitest';
import { classifyAiSdkError } from './classify-ai-sdk-error';

const now = Date.UTC(2026, 0, 1);

function apiCallError(fields: Partial<ConstructorParameters<typeof APICallError>[0]>) {
  return new APICallError({
    message: 'failed',
    url: 'https://api.example.test/v1/chat/completions',
    requestBodyValues: {},
    ...fields,
  });
}

describe('classifyAiSdkError', () => {
  it('reads a 429 with retry-after-ms as rate-limited with the server’s wait', () => {
    const failure = classifyAiSdkError(
      apiCallError({
        statusCode: 429,
        responseHeaders: { 'retry-after-ms': '1500', 'x-ratelimit-remaining-requests': '0' },
        data: { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } },
        isRetryable: true,
      }),
      now,
    );
    expect(failure).toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterMs: 1_500 });
  });

  it('reads insufficient_quota from the response body as a spend cap, never retried', () => {
    const body = JSON.stringify({
      error: {
        type: 'insufficient_quota',
        code: 'insufficient_quota',
        message: 'You exceeded your current quota',
      },
    });
    const failure = classifyAiSdkError(
      apiCallError({ statusCode: 429, responseBody: body, isRetryable: true }),
      now,
    );
    expect(failure).toMatchObject({ kind: 'spend-cap', retryable: false, fallbackable: true });
  });

  it.each([
    [503, 'overloaded'],
    [529, 'overloaded'],
    [500, 'server'],
    [401, 'auth'],
    [400, 'bad-request'],
  ] as const)('reads status %i as %s', (statusCode, kind) => {
    expect(classifyAiSdkError(apiCallError({ statusCode }), now).kind).toBe(kind);
  });

  it('reads a context-length body on a 400 as fallbackable, not retryable', () => {
    const failure = classifyAiSdkError(
      apiCallError({
        statusCode: 400,
        data: {
          error: {
            code: 'context_length_exceeded',
            message: 'maximum context length is 8192 tokens',
          },
        },
      }),
      now,
    );
    expect(failure).toMatchObject({ kind: 'context-length', retryable: false, fallbackable: true });
  });

  it('reads a connection failure without status from its cause', () => {
    const cause = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    });
    const failure = classifyAiSdkError(
      apiCallError({ message: 'Cannot connect to API: fetch failed', cause, isRetryable: true }),
      now,
    );
    expect(failure).toMatchObject({ kind: 'network', retryable: true });
  });

  it('lets the SDK’s isRetryable break the tie for an error nothing else recognises', () => {
    const failure = classifyAiSdkError(apiCallError({ message: 'odd', isRetryable: true }), now);
    expect(failure).toMatchObject({ kind: 'unknown', retryable: true });
  });

  it('reads an error a provider sent inside a stream by its type and code', () => {
    expect(classifyAiSdkError({ type: 'overloaded_error', message: 'Overloaded' }, now).kind).toBe(
      'overloaded',
    );
    const streamProviderError = Object.assign(new Error('Internal error'), {
      name: 'AI_StreamProviderError',
      statusCode: 500,
      isRetryable: true,
    });
    expect(classifyAiSdkError(streamProviderError, now).kind).toBe('server');
  });

  it('hands aborts and timeouts to the common classifier', () => {
    expect(classifyAiSdkError(new AbortedError(), now).kind).toBe('aborted');
    expect(classifyAiSdkError(new DOMException('stop', 'AbortError'), now).kind).toBe('aborted');
    expect(
      classifyAiSdkError(new TimeoutError({ phase: 'first-token', timeoutMs: 5 }), now),
    ).toMatchObject({ kind: 'timeout', phase: 'first-token' });
  });
});
