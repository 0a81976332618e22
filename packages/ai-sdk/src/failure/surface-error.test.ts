import { APICallError } from '@ai-sdk/provider';
import { AllTargetsFailedError } from '@resilient-llm/core';
import { describe, expect, it } from 'vitest';
import { surfaceError } from './surface-error';
import { withoutSdkRetry } from './without-sdk-retry';

const retryable = new APICallError({
  message: 'Overloaded',
  url: 'https://api.example.test',
  requestBodyValues: { model: 'x' },
  statusCode: 529,
  responseHeaders: { 'retry-after': '1' },
  responseBody: '{}',
  isRetryable: true,
});

describe('withoutSdkRetry', () => {
  it('turns a retryable APICallError into a copy the AI SDK will not retry', () => {
    const surfaced = withoutSdkRetry(retryable) as APICallError;
    expect(APICallError.isInstance(surfaced)).toBe(true);
    expect(surfaced.isRetryable).toBe(false);
    expect(surfaced).toMatchObject({
      message: 'Overloaded',
      statusCode: 529,
      responseHeaders: { 'retry-after': '1' },
      url: 'https://api.example.test',
    });
    expect(surfaced.cause).toBe(retryable);
  });

  it('returns every other error as it is', () => {
    const final = new AllTargetsFailedError({ failures: [] });
    expect(withoutSdkRetry(final)).toBe(final);
    const notRetryable = new APICallError({
      message: 'bad',
      url: 'u',
      requestBodyValues: {},
      statusCode: 400,
      isRetryable: false,
    });
    expect(withoutSdkRetry(notRetryable)).toBe(notRetryable);
  });
});

describe('surfaceError', () => {
  it('surfaces the caller’s abort reason once the caller aborted', () => {
    const controller = new AbortController();
    const reason = new Error('gone');
    controller.abort(reason);
    expect(surfaceError(new Error('pipeline'), controller.signal)).toBe(reason);
  });

  it('otherwise keeps the error, without SDK retries', () => {
    expect(
      (surfaceError(retryable, new AbortController().signal) as APICallError).isRetryable,
    ).toBe(false);
  });
});
