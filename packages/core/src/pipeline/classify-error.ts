import { AbortedError, TimeoutError } from '@resilient-llm/policies';
import { IncompleteStreamError } from '../errors/incomplete-stream-error';
import { StreamInterruptedError } from '../errors/stream-interrupted-error';
import { createFailure } from '../failure/create-failure';
import type { Failure } from '../failure/failure';

/** Classifies errors the binding cannot know about: the pipeline's own. */
export type ClassifyForeign = (error: unknown, target?: unknown) => Failure;

/**
 * Classifies an error once: errors raised by the pipeline itself are classified here, every
 * other error by the binding. Results are remembered per error object, so the retry stage,
 * the fallback loop and events all agree and nobody parses headers twice.
 */
export function createErrorClassifier(classifyForeign: ClassifyForeign): ClassifyForeign {
  const known = new WeakMap<object, Failure>();
  return (error, target) => {
    const cacheable = typeof error === 'object' && error !== null;
    const cached = cacheable ? known.get(error) : undefined;
    if (cached) return cached;
    const failure = classifyOwnError(error) ?? classifyForeign(error, target);
    if (cacheable) known.set(error, failure);
    return failure;
  };
}

function classifyOwnError(error: unknown): Failure | undefined {
  if (AbortedError.isInstance(error))
    return createFailure('aborted', { message: error.message, cause: error });
  if (TimeoutError.isInstance(error)) {
    return createFailure('timeout', { message: error.message, cause: error, phase: error.phase });
  }
  if (IncompleteStreamError.isInstance(error))
    return createFailure('network', { message: error.message, cause: error });
  if (StreamInterruptedError.isInstance(error)) return error.failure;
  return undefined;
}
