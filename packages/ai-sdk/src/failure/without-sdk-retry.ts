import { APICallError } from '@ai-sdk/provider';

/**
 * Makes sure the AI SDK does not retry what the pipeline already retried. `generateText` and
 * `streamText` retry an `APICallError` whose `isRetryable` is true (2 more times by default),
 * which would multiply our attempts; such an error leaves as a copy marked not retryable,
 * the original kept as `cause`. Every other error is returned as it is: the SDK retries none.
 */
export function withoutSdkRetry(error: unknown): unknown {
  if (!APICallError.isInstance(error) || !error.isRetryable) return error;
  return new APICallError({
    message: error.message,
    url: error.url,
    requestBodyValues: error.requestBodyValues,
    statusCode: error.statusCode,
    responseHeaders: error.responseHeaders,
    responseBody: error.responseBody,
    data: error.data,
    cause: error,
    isRetryable: false,
  });
}
