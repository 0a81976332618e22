import type { LocalRefusal } from '@resilient-llm/policies';
import type { Failure } from '../contract/failure';

const refusalSummaries: Readonly<Record<LocalRefusal, string>> = {
  'circuit-open': 'circuit open',
  'bulkhead-full': 'bulkhead full',
  'rate-limit-wait': 'rate-limit wait too long',
};

/**
 * A few words on what happened, for error messages and logs: the kind, made specific where it
 * can be (`circuit open`, `bulkhead full`, `timeout (first-token)`, `rate-limited`, `server 502`).
 */
export function summarizeFailure(failure: Failure): string {
  if (failure.kind === 'refused' && failure.refusal) return refusalSummaries[failure.refusal];
  if (failure.kind === 'timeout' && failure.phase) return `timeout (${failure.phase})`;
  if (failure.kind === 'server' && failure.status !== undefined) return `server ${failure.status}`;
  return failure.kind;
}
