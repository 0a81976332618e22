import { AbortedError, TimeoutError, type TimeoutPhase } from '@resilient-llm/policies';
import type { Failure } from '../contract/failure';
import { createFailure } from './create-failure';
import { readProperty, walkCauseChain } from './walk-cause-chain';

const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENETRESET',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_SESSION_ERROR',
]);
// undici reports connection trouble as `UND_ERR_*`, but also misuse, which is no network
// failure and must not be retried as one.
const undiciMisuseCodes = new Set([
  'UND_ERR_INVALID_ARG',
  'UND_ERR_INVALID_RETURN_VALUE',
  'UND_ERR_NOT_SUPPORTED',
]);
// `fetch failed` (undici), `Failed to fetch` (Chromium), `NetworkError when attempting to
// fetch resource.` (Firefox), `Load failed` (Safari), `socket hang up` (Node http),
// `other side closed` (undici), `Connection error.` (OpenAI and Anthropic SDKs).
const networkMessage =
  /fetch failed|failed to fetch|load failed|socket hang up|other side closed|network|^connection error\.?$/i;
const timeoutPhases: ReadonlySet<unknown> = new Set(['attempt', 'total', 'first-token', 'idle']);

type Recognized =
  | { readonly kind: 'aborted'; readonly ours: boolean }
  | { readonly kind: 'timeout'; readonly phase: TimeoutPhase; readonly ours: boolean }
  | { readonly kind: 'network' };

/**
 * Classifies an error that came without an HTTP response: `aborted` for our
 * {@link AbortedError} or any error named `AbortError`; `timeout` for our
 * {@link TimeoutError} (keeping its phase) or any error named `TimeoutError` (phase
 * `attempt`); `network` for `fetch` failures, socket errno codes (`ECONNRESET`,
 * `ECONNREFUSED`, `ETIMEDOUT`, `EPIPE`, `ENOTFOUND`, `EAI_AGAIN`, ...), undici `UND_ERR_*`
 * codes and messages such as `socket hang up`, `terminated` or `network error`; otherwise
 * `unknown`.
 *
 * The `cause` chain (and `AggregateError` members) is searched, nearest first, to a bounded
 * depth and safe against cycles; the nearest recognised error decides, except that a generic
 * abort yields to one of our {@link TimeoutError}s beneath it (the abort was how the timeout
 * was enforced). Always returns a complete {@link Failure} whose `cause` is `error`; never
 * throws.
 */
export function classifyCommonError(error: unknown): Failure {
  const chain = walkCauseChain(error);
  const recognized = chain.map(recognize);
  let decision = recognized.find((entry) => entry !== undefined);
  if (decision?.kind === 'aborted' && !decision.ours) {
    const ourTimeout = recognized.find((entry) => entry?.kind === 'timeout' && entry.ours);
    decision = ourTimeout ?? decision;
  }
  const message = describe(error);
  if (decision === undefined) return createFailure('unknown', { message, cause: error });
  if (decision.kind === 'timeout') {
    return createFailure('timeout', { message, cause: error, phase: decision.phase });
  }
  return createFailure(decision.kind, { message, cause: error });
}

function recognize(value: unknown): Recognized | undefined {
  try {
    return recognizeUnsafely(value);
  } catch {
    // The brand checks read symbol properties, which a hostile proxy may refuse.
    return undefined;
  }
}

function recognizeUnsafely(value: unknown): Recognized | undefined {
  if (AbortedError.isInstance(value)) return { kind: 'aborted', ours: true };
  if (TimeoutError.isInstance(value)) {
    const phase = readProperty(value, 'phase');
    return {
      kind: 'timeout',
      phase: timeoutPhases.has(phase) ? (phase as TimeoutPhase) : 'attempt',
      ours: true,
    };
  }
  const names = [readProperty(value, 'name'), constructorName(value)];
  const code = readProperty(value, 'code');
  if (
    names.includes('AbortError') ||
    names.includes('APIUserAbortError') ||
    code === 'ABORT_ERR' ||
    code === 'UND_ERR_ABORTED'
  ) {
    return { kind: 'aborted', ours: false };
  }
  if (names.includes('TimeoutError') || names.includes('APIConnectionTimeoutError')) {
    return { kind: 'timeout', phase: 'attempt', ours: false };
  }
  if (typeof code === 'string' && isNetworkCode(code)) return { kind: 'network' };
  const message = typeof value === 'string' ? value : readProperty(value, 'message');
  if (typeof message === 'string' && isNetworkMessage(message)) return { kind: 'network' };
  if (names.includes('APIConnectionError')) return { kind: 'network' };
  return undefined;
}

function isNetworkCode(code: string): boolean {
  const upper = code.toUpperCase();
  if (networkCodes.has(upper)) return true;
  return upper.startsWith('UND_ERR_') && !undiciMisuseCodes.has(upper);
}

function isNetworkMessage(message: string): boolean {
  // undici says only `terminated` when a response body is cut off; too common a word to
  // match anywhere else in a message.
  return message.trim().toLowerCase() === 'terminated' || networkMessage.test(message);
}

function constructorName(value: unknown): unknown {
  return readProperty(readProperty(value, 'constructor'), 'name');
}

function describe(error: unknown): string | undefined {
  const message = readProperty(error, 'message');
  if (typeof message === 'string' && message !== '') return message;
  if (typeof error === 'string') return error;
  return undefined;
}
