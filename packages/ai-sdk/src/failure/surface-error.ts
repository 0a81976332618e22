import { withoutSdkRetry } from './without-sdk-retry';

/**
 * The error a resilient model throws to the AI SDK. When the caller aborted, the signal's
 * reason, as a provider's `fetch` would throw it (so `abortSignal` and `timeout` of
 * `generateText` behave as without us); otherwise the pipeline's error, never one the SDK
 * would retry again.
 */
export function surfaceError(error: unknown, callerSignal: AbortSignal | undefined): unknown {
  if (callerSignal?.aborted && callerSignal.reason !== undefined) return callerSignal.reason;
  return withoutSdkRetry(error);
}
