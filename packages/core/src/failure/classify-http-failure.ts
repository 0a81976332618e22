import type { Failure, FailureKind } from '../contract/failure';
import type { HeadersLike, RateLimitSnapshot } from '../contract/rate-limit-snapshot';
import { parseRateLimitHeaders } from '../headers/parse-rate-limit-headers';
import { suggestedWaitMs } from '../headers/suggested-wait';
import { classifyCommonError } from './classify-common-error';
import { type CreateFailureOptions, createFailure } from './create-failure';
import {
  isContentFilterError,
  isContextLengthError,
  isQuotaError,
  kindFromProviderError,
  type ProviderErrorDetails,
} from './recognize-provider-error';
import { readProperty } from './walk-cause-chain';

/** What is known about a failed HTTP call; every field is optional. */
export interface HttpFailureDetails extends ProviderErrorDetails {
  /** The response's HTTP status. Without a usable one, the body and `cause` decide. */
  readonly status?: number | null;
  /** The response's headers, Web `Headers` or a plain record. */
  readonly headers?: HeadersLike | null;
  /** The original error, kept as the failure's `cause`. */
  readonly cause?: unknown;
  /**
   * When the response arrived, in milliseconds since the epoch; dates in headers are measured
   * from it. Defaults to `Date.now()`.
   */
  readonly now?: number;
}

type Verdict = { readonly kind: FailureKind } & Pick<
  CreateFailureOptions,
  'retryable' | 'fallbackable' | 'phase'
>;

/**
 * Classifies a failed HTTP call into the shared taxonomy.
 *
 * - 429: `rate-limited`, waiting `retryAfterMs` (from `retry-after*`, else the reset of the
 *   exhausted rate-limit window); `spend-cap` when the body speaks of quota, billing or
 *   credit (`insufficient_quota`, "exceeded your current quota"); not retryable when the
 *   request alone is larger than the limit ("Request too large").
 * - 402: `spend-cap`. 408: `timeout` (phase `attempt`). 401, 403: `auth`.
 * - 413, or a 4xx whose body speaks of the context window (`context_length_exceeded`,
 *   `string_above_max_length`, "maximum context length", "prompt is too long"):
 *   `context-length`.
 * - A 4xx whose body names a content policy (`content_filter`, `content_policy_violation`):
 *   `content-filter`. A 4xx whose body speaks of quota or billing: `spend-cap`.
 * - 404: `bad-request`, but fallbackable: a model or deployment missing on one target says
 *   nothing about the others. Other 4xx: `bad-request`.
 * - 503, 529, or a 5xx with Anthropic's `overloaded_error`: `overloaded`. Other 5xx: `server`.
 * - No usable status, or a non-error one (an `error` event in a 200 stream): the body's
 *   error type or code decides (`overloaded_error`, `rate_limit_error`, ...), else the
 *   `cause` as in {@link classifyCommonError}.
 *
 * `x-should-retry: false` makes any failure not retryable. `x-should-retry: true` makes 408,
 * 409, 429 and 5xx failures retryable, except `spend-cap`: a body that says the money ran out
 * is more specific than a header sent with every error. Rate-limit headers are kept as
 * `rateLimit`. Never throws.
 */
export function classifyHttpFailure(details: HttpFailureDetails): Failure {
  const { headers, cause, now = Date.now() } = details;
  const status = usableStatus(details.status);
  const rateLimit = parseRateLimitHeaders(headers, { now });
  const verdict =
    (status !== undefined && status >= 400
      ? verdictForStatus(status, details)
      : verdictWithoutStatus(details)) ?? verdictFromCause(cause);
  const waitMs = verdict.kind === 'rate-limited' ? suggestedWaitMs(rateLimit) : undefined;
  return createFailure(verdict.kind, {
    ...verdict,
    retryable: adviseRetry(verdict, status, rateLimit),
    message: describe(status, details.message, cause),
    cause,
    ...(status !== undefined ? { status } : {}),
    retryAfterMs: waitMs ?? rateLimit.retryAfterMs,
    rateLimit,
  });
}

function verdictForStatus(status: number, details: ProviderErrorDetails): Verdict {
  if (status === 429) {
    if (isQuotaError(details)) return { kind: 'spend-cap' };
    // OpenAI answers 429 "Request too large ... tokens per min" when one request exceeds
    // the whole budget: no wait makes it fit, but another target's limit may.
    if (/request too large/i.test(typeof details.message === 'string' ? details.message : '')) {
      return { kind: 'rate-limited', retryable: false };
    }
    return { kind: 'rate-limited' };
  }
  if (status >= 500) {
    const overloaded = status === 503 || status === 529;
    return {
      kind: overloaded || kindFromProviderError(details) === 'overloaded' ? 'overloaded' : 'server',
    };
  }
  if (status === 408) return { kind: 'timeout', phase: 'attempt' };
  if (status === 402 || isQuotaError(details)) return { kind: 'spend-cap' };
  if (isContentFilterError(details)) return { kind: 'content-filter' };
  if (status === 413 || isContextLengthError(details)) return { kind: 'context-length' };
  if (status === 401 || status === 403) return { kind: 'auth' };
  if (status === 404) return { kind: 'bad-request', fallbackable: true };
  return { kind: 'bad-request' };
}

function verdictWithoutStatus(details: ProviderErrorDetails): Verdict | undefined {
  const kind = kindFromProviderError(details);
  if (kind === undefined) return undefined;
  return kind === 'timeout' ? { kind, phase: 'attempt' } : { kind };
}

function verdictFromCause(cause: unknown): Verdict {
  const { kind, phase, retryable, fallbackable } = classifyCommonError(cause);
  return { kind, retryable, fallbackable, ...(phase !== undefined ? { phase } : {}) };
}

function adviseRetry(
  verdict: Verdict,
  status: number | undefined,
  rateLimit: RateLimitSnapshot,
): boolean | undefined {
  if (rateLimit.shouldRetry === false) return false;
  const transientStatus =
    status !== undefined && (status === 408 || status === 409 || status === 429 || status >= 500);
  if (rateLimit.shouldRetry === true && transientStatus && verdict.kind !== 'spend-cap') {
    return true;
  }
  return verdict.retryable;
}

function usableStatus(status: unknown): number | undefined {
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599
    ? status
    : undefined;
}

function describe(
  status: number | undefined,
  message: unknown,
  cause: unknown,
): string | undefined {
  const text = typeof message === 'string' ? message.trim() : '';
  if (status !== undefined) return text === '' ? `HTTP ${status}` : `HTTP ${status}: ${text}`;
  if (text !== '') return text;
  // Without status or message, the cause's own words beat a generic description.
  const causeMessage = readProperty(cause, 'message');
  return typeof causeMessage === 'string' ? causeMessage : undefined;
}
