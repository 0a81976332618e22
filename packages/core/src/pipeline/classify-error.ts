import {
  AbortedError,
  InvalidOptionError,
  RetriesExhaustedError,
  TimeoutError,
} from '@resilient-llm/policies';
import { localRefusalOf } from '@resilient-llm/policies/internal';
import type { Failure } from '../contract/failure';
import { IncompleteStreamError } from '../errors/incomplete-stream-error';
import { StreamInterruptedError } from '../errors/stream-interrupted-error';
import { createFailure } from '../failure/create-failure';

/** Classifies an error raised while trying `target`. */
export type Classify = (error: unknown, target?: unknown) => Failure;

/**
 * Classifies an error once: errors raised by the pipeline and its policies are classified
 * here, every other error by the binding. Results are remembered per error object, so the
 * retry stage, the fallback loop and events all agree and nobody parses headers twice.
 */
export function createErrorClassifier(classifyForeign: Classify): Classify {
  const known = new WeakMap<object, Failure>();
  const classify: Classify = (error, target) => {
    const cacheable = typeof error === 'object' && error !== null;
    const cached = cacheable ? known.get(error) : undefined;
    if (cached) return cached;
    const failure =
      classifyOwnError(error, (inner) => classify(inner, target)) ?? classifyForeign(error, target);
    if (cacheable) known.set(error, failure);
    return failure;
  };
  return classify;
}

function classifyOwnError(
  error: unknown,
  classify: (error: unknown) => Failure,
): Failure | undefined {
  if (AbortedError.isInstance(error))
    return createFailure('aborted', { message: error.message, cause: error });
  if (TimeoutError.isInstance(error)) {
    return createFailure('timeout', { message: error.message, cause: error, phase: error.phase });
  }
  // A bad input (a per-call option, a target's model mapping) is the caller's to fix: trying
  // again or elsewhere would only hide it.
  if (InvalidOptionError.isInstance(error))
    return createFailure('bad-request', { message: error.message, cause: error });
  if (IncompleteStreamError.isInstance(error))
    return createFailure('network', { message: error.message, cause: error });
  if (StreamInterruptedError.isInstance(error)) return error.failure;
  // One of our policies refused to send the attempt: not worth retrying here, worth trying
  // elsewhere, and never evidence against the provider.
  const refusal = localRefusalOf(error);
  if (refusal) {
    const { message, retryAfterMs } = error as Error & { retryAfterMs?: number };
    return createFailure('refused', { message, cause: error, refusal, retryAfterMs });
  }
  if (RetriesExhaustedError.isInstance(error)) {
    // Retrying is over for this target; whether another target may help depends on the last failure.
    const last = classify(error.lastError);
    return {
      ...last,
      retryable: false,
      message: error.message,
      cause: error,
      retryAfterMs: error.retryAfterMs ?? last.retryAfterMs,
    };
  }
  return undefined;
}
