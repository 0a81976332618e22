import { ResilientError } from '@resilient-llm/policies';
import { abortError } from '@resilient-llm/policies/internal';

/**
 * The error to raise when `signal` has fired: our own reasons (a deadline's `TimeoutError`)
 * as they are, anything else (the caller's abort) as `AbortedError` keeping the reason.
 */
export function errorFromSignal(signal: AbortSignal): unknown {
  return ResilientError.isInstance(signal.reason) ? signal.reason : abortError(signal);
}
