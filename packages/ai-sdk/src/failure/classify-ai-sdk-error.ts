import { APICallError } from '@ai-sdk/provider';
import type { Failure } from '@resilient-llm/core';
import { classifyCommonError, classifyHttpFailure } from '@resilient-llm/core/binding';
import { providerErrorDetails } from './provider-error-details';

/**
 * Classifies an error of an AI SDK model into the shared taxonomy.
 *
 * - `APICallError`: its `statusCode`, `responseHeaders` (`retry-after`, rate-limit headers)
 *   and the body (`data`, else `responseBody`) decide, as for any HTTP failure. Without a
 *   status, the `cause` decides (a `fetch failed` is `network`); the SDK's own `isRetryable`
 *   only breaks the tie for an error nothing else recognises.
 * - An error the provider sent inside a stream (`StreamProviderError`, or an `error` part's
 *   plain payload such as `{ type, code, message }`): its status, type and code decide.
 * - Anything else (aborts, timeouts, socket errors): `classifyCommonError`.
 *
 * `now` is when the error arrived, so that dates in headers are read on the model's clock.
 */
export function classifyAiSdkError(error: unknown, now: number): Failure {
  if (APICallError.isInstance(error)) {
    const details = providerErrorDetails(error.data, error.responseBody);
    const failure = classifyHttpFailure({
      ...details,
      message: details.message ?? error.message,
      status: error.statusCode,
      headers: error.responseHeaders,
      cause: error,
      now,
    });
    return failure.kind === 'unknown' && error.isRetryable
      ? { ...failure, retryable: true }
      : failure;
  }
  const statusCode = readField(error, 'statusCode');
  const typeField = readField(error, 'type');
  if (typeof statusCode === 'number' || (typeof typeField === 'string' && !isError(error))) {
    const details = providerErrorDetails(readField(error, 'data') ?? error);
    return classifyHttpFailure({
      code: readField(error, 'code') ?? details.code,
      type: typeField ?? details.type,
      message: readField(error, 'message') ?? details.message,
      status: typeof statusCode === 'number' ? statusCode : undefined,
      cause: error,
      now,
    });
  }
  return classifyCommonError(error);
}

function readField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function isError(value: unknown): boolean {
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}
