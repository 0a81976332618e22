import type { Failure } from '@resilient-llm/core';
import {
  classifyCommonError,
  classifyHttpFailure,
  createFailure,
} from '@resilient-llm/core/binding';

// Errors of the SDK that carry no response: the common classifier knows them by name.
const transportErrorNames = new Set([
  'APIUserAbortError',
  'APIConnectionError',
  'APIConnectionTimeoutError',
]);
// The SDK's words for an SSE event whose JSON it could not parse.
const malformedStreamMessage = /malformed server-sent event|malformed newline-delimited JSON/i;

/**
 * Classifies an error of the OpenAI SDK into the shared taxonomy.
 *
 * - `APIError` with a response: its `status`, `headers` (Web `Headers`: `retry-after*`,
 *   `x-ratelimit-*`, `x-should-retry`) and the body's `code`, `type` and `message` decide, via
 *   `classifyHttpFailure`: `context_length_exceeded` is `context-length` (fall back to a
 *   larger window, never retry), `insufficient_quota` is `spend-cap` (never retried).
 * - `APIError` without a status (an `error` event inside a stream, or a `response.failed`
 *   event): the body's `code` and `type` decide.
 * - `APIUserAbortError` is `aborted`, `APIConnectionTimeoutError` a `timeout`,
 *   `APIConnectionError` and a dropped stream `network`, via `classifyCommonError`.
 * - A malformed SSE event is a `server` failure: the provider sent a broken answer, which
 *   another attempt may not repeat.
 *
 * Recognises the SDK's errors by shape and constructor name, not `instanceof`, so that
 * errors of a second copy of the SDK are classified alike. Never throws.
 */
export function classifyOpenAIError(error: unknown): Failure {
  if (typeof error !== 'object' || error === null) return classifyCommonError(error);
  if (transportErrorNames.has(constructorName(error))) return classifyCommonError(error);
  if (isApiError(error)) {
    const body = isRecord(error.error) ? error.error : {};
    return classifyHttpFailure({
      status: typeof error.status === 'number' ? error.status : undefined,
      headers: isHeaders(error.headers) ? error.headers : undefined,
      code: error.code ?? body.code,
      type: error.type ?? body.type,
      message: typeof body.message === 'string' ? body.message : error.message,
      cause: error,
    });
  }
  if (error instanceof SyntaxError && malformedStreamMessage.test(error.message)) {
    return createFailure('server', { message: error.message, cause: error });
  }
  return classifyCommonError(error);
}

interface ApiErrorShape {
  readonly status?: unknown;
  readonly headers?: unknown;
  readonly error?: unknown;
  readonly code?: unknown;
  readonly type?: unknown;
  readonly message?: string;
}

function isApiError(error: object): error is ApiErrorShape {
  // APIError sets `status`, `headers` and `error` (each possibly undefined) on every instance.
  return error instanceof Error && 'status' in error && 'headers' in error && 'error' in error;
}

function isHeaders(value: unknown): value is { get(name: string): string | null } {
  return isRecord(value) && typeof value.get === 'function';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function constructorName(value: object): string {
  const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' ? name : '';
}
