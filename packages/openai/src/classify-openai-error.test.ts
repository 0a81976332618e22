import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from 'openai';
import { describe, expect, it } from 'vitest';
import { classifyOpenAIError } from './classify-openai-error';

const headers = (record: Record<string, string> = {}) => new Headers(record);

describe('classifyOpenAIError', () => {
  it('reads a 429 with its requested wait and rate-limit headers', () => {
    const error = new RateLimitError(
      429,
      { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' },
      undefined,
      headers({ 'retry-after-ms': '1500', 'x-ratelimit-limit-requests': '20' }),
    );
    expect(classifyOpenAIError(error)).toMatchObject({
      kind: 'rate-limited',
      retryable: true,
      status: 429,
      retryAfterMs: 1500,
      rateLimit: { requests: { limit: 20 } },
      cause: error,
    });
  });

  it('never retries insufficient_quota', () => {
    const error = new RateLimitError(
      429,
      {
        message: 'You exceeded your current quota',
        type: 'insufficient_quota',
        code: 'insufficient_quota',
      },
      undefined,
      headers(),
    );
    expect(classifyOpenAIError(error)).toMatchObject({
      kind: 'spend-cap',
      retryable: false,
      fallbackable: true,
    });
  });

  it('falls over on context_length_exceeded without retrying', () => {
    const error = new BadRequestError(
      400,
      { message: 'too long', type: 'invalid_request_error', code: 'context_length_exceeded' },
      undefined,
      headers(),
    );
    expect(classifyOpenAIError(error)).toMatchObject({
      kind: 'context-length',
      retryable: false,
      fallbackable: true,
    });
  });

  it('keeps other bad requests from retrying or falling over', () => {
    const error = new BadRequestError(
      400,
      { message: 'bad', type: 'invalid_request_error' },
      undefined,
      headers(),
    );
    expect(classifyOpenAIError(error)).toMatchObject({ kind: 'bad-request', fallbackable: false });
  });

  it('reads server errors and errors inside a stream', () => {
    const overloaded = new InternalServerError(
      529,
      { type: 'overloaded_error' },
      undefined,
      headers(),
    );
    expect(classifyOpenAIError(overloaded).kind).toBe('overloaded');
    const inStream = new APIError(
      undefined,
      { message: 'oops', type: 'server_error' },
      undefined,
      headers(),
    );
    expect(classifyOpenAIError(inStream)).toMatchObject({ kind: 'server', retryable: true });
  });

  it('knows the SDK errors without a response', () => {
    expect(classifyOpenAIError(new APIUserAbortError()).kind).toBe('aborted');
    expect(classifyOpenAIError(new APIConnectionTimeoutError())).toMatchObject({
      kind: 'timeout',
      phase: 'attempt',
    });
    expect(classifyOpenAIError(new APIConnectionError({ cause: new Error('reset') })).kind).toBe(
      'network',
    );
  });

  it('treats a malformed stream event as a server failure, and anything else as common errors', () => {
    const malformed = new SyntaxError('Error reading response: malformed server-sent event JSON.');
    expect(classifyOpenAIError(malformed)).toMatchObject({ kind: 'server', retryable: true });
    expect(classifyOpenAIError(new TypeError('terminated')).kind).toBe('network');
    expect(classifyOpenAIError('strange').kind).toBe('unknown');
  });
});
