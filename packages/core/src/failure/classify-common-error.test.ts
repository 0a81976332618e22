import { AbortedError, TimeoutError } from '@resilient-llm/policies';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyCommonError } from './classify-common-error';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

function named(name: string, message = name): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('classifyCommonError', () => {
  it.each([
    ['our AbortedError', new AbortedError()],
    ['an AbortError DOMException', new DOMException('This operation was aborted', 'AbortError')],
    ['an Error named AbortError', named('AbortError')],
    ['an abort seen by undici', withCode('Request aborted', 'UND_ERR_ABORTED')],
    ['a Node abort', withCode('The operation was aborted', 'ABORT_ERR')],
  ])('reads %s as aborted', (_, error) => {
    expect(classifyCommonError(error)).toMatchObject({
      kind: 'aborted',
      retryable: false,
      fallbackable: false,
      cause: error,
    });
  });

  it('reads our TimeoutError with its phase', () => {
    const error = new TimeoutError({ phase: 'first-token', timeoutMs: 5000 });
    expect(classifyCommonError(error)).toMatchObject({
      kind: 'timeout',
      phase: 'first-token',
      retryable: true,
      message: 'The first-token timeout of 5000 ms ran out.',
    });
    const total = new TimeoutError({ phase: 'total', timeoutMs: 30_000 });
    expect(classifyCommonError(total)).toMatchObject({
      kind: 'timeout',
      phase: 'total',
      retryable: false,
      fallbackable: false,
    });
  });

  it('reads a TimeoutError DOMException as an attempt timeout', () => {
    const error = new DOMException('The operation timed out.', 'TimeoutError');
    expect(classifyCommonError(error)).toMatchObject({ kind: 'timeout', phase: 'attempt' });
  });

  it('lets our TimeoutError beneath a generic abort decide', () => {
    const timeout = new TimeoutError({ phase: 'idle', timeoutMs: 1000 });
    const abort = new DOMException('aborted', 'AbortError');
    const wrapped = new Error('Request was aborted.', { cause: Object.assign(abort, {}) });
    Object.defineProperty(abort, 'cause', { value: timeout });
    expect(classifyCommonError(wrapped)).toMatchObject({ kind: 'timeout', phase: 'idle' });
  });

  it('keeps our AbortedError even when its reason is a timeout', () => {
    const error = new AbortedError({ cause: new TimeoutError({ phase: 'total', timeoutMs: 1 }) });
    expect(classifyCommonError(error).kind).toBe('aborted');
  });

  it.each([
    ['fetch failed', new TypeError('fetch failed', { cause: withCode('connect', 'ECONNREFUSED') })],
    ['fetch failed without cause', new TypeError('fetch failed')],
    ['Failed to fetch', new TypeError('Failed to fetch')],
    ['NetworkError', new TypeError('NetworkError when attempting to fetch resource.')],
    ['Load failed', new TypeError('Load failed')],
    ['socket hang up', new Error('socket hang up')],
    ['terminated', new TypeError('terminated')],
    ['network error', new Error('Network error')],
    ['ECONNRESET', withCode('read ECONNRESET', 'ECONNRESET')],
    ['ETIMEDOUT', withCode('connect ETIMEDOUT', 'ETIMEDOUT')],
    ['EPIPE', withCode('write EPIPE', 'EPIPE')],
    ['ENOTFOUND', withCode('getaddrinfo ENOTFOUND api.example.com', 'ENOTFOUND')],
    ['EAI_AGAIN', withCode('getaddrinfo EAI_AGAIN', 'EAI_AGAIN')],
    ['UND_ERR_SOCKET', withCode('other side closed', 'UND_ERR_SOCKET')],
    ['UND_ERR_CONNECT_TIMEOUT', withCode('Connect Timeout Error', 'UND_ERR_CONNECT_TIMEOUT')],
    ['an SDK connection error', named('APIConnectionError', 'Connection error.')],
    [
      'a fetch failure wrapping an AggregateError',
      new TypeError('fetch failed', {
        cause: new AggregateError([withCode('connect', 'ECONNREFUSED')], ''),
      }),
    ],
    ['a string cause', new Error('request failed', { cause: 'socket hang up' })],
  ])('reads %s as network', (_, error) => {
    expect(classifyCommonError(error)).toMatchObject({
      kind: 'network',
      retryable: true,
      fallbackable: true,
      cause: error,
    });
  });

  it.each([
    ['a plain Error', new Error('something odd')],
    ['undici misuse', withCode('invalid argument', 'UND_ERR_INVALID_ARG')],
    ['a TLS error', withCode('certificate has expired', 'CERT_HAS_EXPIRED')],
    ['a message merely containing terminated', new Error('the worker terminated the job')],
    ['a string', 'oops'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
  ])('reads %s as unknown', (_, error) => {
    expect(classifyCommonError(error)).toMatchObject({
      kind: 'unknown',
      retryable: false,
      fallbackable: true,
    });
  });

  it('uses the error message, else the kind description', () => {
    expect(classifyCommonError(new Error('socket hang up')).message).toBe('socket hang up');
    expect(classifyCommonError({}).message).toBe('The request failed.');
  });

  it('survives hostile errors', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        getPrototypeOf() {
          throw new Error('boom');
        },
      },
    );
    expect(classifyCommonError(hostile).kind).toBe('unknown');
  });

  it('never throws and always returns a complete failure', () => {
    const errorLike = fc.record(
      {
        name: fc.constantFrom('Error', 'AbortError', 'TimeoutError', 'TypeError'),
        message: fc.string(),
        code: fc.oneof(fc.string(), fc.constantFrom('ECONNRESET', 'UND_ERR_SOCKET')),
        cause: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), errorLike), (error) => {
        const failure = classifyCommonError(error);
        expect(typeof failure.kind).toBe('string');
        expect(typeof failure.retryable).toBe('boolean');
        expect(typeof failure.fallbackable).toBe('boolean');
        expect(typeof failure.message).toBe('string');
        expect(failure.cause).toBe(error);
      }),
    );
  });
});
