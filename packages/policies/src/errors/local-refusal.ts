import { BrokenCircuitError } from './broken-circuit-error';
import { BulkheadRejectedError } from './bulkhead-rejected-error';
import { RateLimitWaitTooLongError } from './rate-limit-wait-too-long-error';

/**
 * Why a local policy refused to send a call: its own circuit is open, its bulkhead is full,
 * or its rate limiter would make it wait too long. The provider never saw the call, so a
 * refusal says nothing about the provider's health.
 */
export type LocalRefusal = 'circuit-open' | 'bulkhead-full' | 'rate-limit-wait';

/**
 * The kind of local refusal `error` is, or `undefined` when it is something else (what the
 * provider or the network did). Circuit breakers count neither as failure nor as success.
 */
export function localRefusalOf(error: unknown): LocalRefusal | undefined {
  if (BrokenCircuitError.isInstance(error)) return 'circuit-open';
  if (BulkheadRejectedError.isInstance(error)) return 'bulkhead-full';
  if (RateLimitWaitTooLongError.isInstance(error)) return 'rate-limit-wait';
  return undefined;
}
