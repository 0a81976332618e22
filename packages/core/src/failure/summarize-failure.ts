import type { LocalRefusal, TimeoutPhase } from '@resilient-llm/policies';
import type { Failure, FailureKind } from '../contract/failure';

const refusalSummaries: Readonly<Record<LocalRefusal, string>> = {
  'circuit-open': 'not tried, its circuit is open',
  'bulkhead-full': 'not tried, its bulkhead is full',
  'rate-limit-wait': 'not tried, the rate-limit wait was too long',
};

const timeoutSummaries: Readonly<Record<TimeoutPhase, string>> = {
  attempt: 'the attempt timed out',
  total: 'the call ran out of time',
  'first-token': 'no first token in time',
  idle: 'the stream went quiet for too long',
};

const kindSummaries: Readonly<Record<Exclude<FailureKind, 'unknown'>, string>> = {
  'rate-limited': 'rate limited',
  overloaded: 'overloaded',
  server: 'server error',
  timeout: 'timed out',
  network: 'the connection failed',
  'context-length': "the prompt does not fit the model's context window",
  'content-filter': 'the provider refused the content',
  'spend-cap': 'quota or spending limit exhausted',
  auth: 'authentication failed',
  'bad-request': 'the request is invalid',
  aborted: 'aborted by the caller',
  refused: 'not tried, a local policy refused',
};

/**
 * A few words of English on what happened, for error messages and logs, as specific as the
 * failure allows: `not tried, its circuit is open`, `no first token in time`, `server error
 * 502`, `rate limited (HTTP 429)`, `an unrecognised TypeError`. Never holds a message or value
 * that came from the provider or the caller.
 */
export function summarizeFailure(failure: Failure): string {
  if (failure.kind === 'refused' && failure.refusal) return refusalSummaries[failure.refusal];
  if (failure.kind === 'timeout' && failure.phase) return timeoutSummaries[failure.phase];
  if (failure.kind === 'unknown') return `an unrecognised ${errorName(failure.cause)}`;
  const summary = kindSummaries[failure.kind];
  return failure.status === undefined ? summary : `${summary} (HTTP ${failure.status})`;
}

function errorName(error: unknown): string {
  const name = error instanceof Error ? error.name : undefined;
  return name && /^\w{1,64}$/.test(name) ? name : 'error';
}
