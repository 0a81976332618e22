import type { FailureKind } from '../contract/failure';

/** What a provider said about an error in its body, as far as classification needs it. */
export interface ProviderErrorDetails {
  /** e.g. OpenAI `error.code` (`insufficient_quota`), Gemini `error.status`. */
  readonly code?: unknown;
  /** e.g. OpenAI `error.type`, Anthropic `error.type` (`overloaded_error`). */
  readonly type?: unknown;
  /** The provider's human-readable message. */
  readonly message?: unknown;
}

const quotaCodes = new Set([
  'insufficient_quota',
  'billing_hard_limit_reached',
  'billing_not_active',
  'billing_error',
  'quota_exceeded',
  'spend_limit_reached',
  'spending_limit_exceeded',
]);
const quotaMessage =
  /exceeded your current quota|insufficient[ _]quota|billing (hard )?limit|billing details|credit balance is too low|spend(ing)? (limit|cap)|out of credits/i;
// Gemini words per-minute limits as "You exceeded your current quota" too; these phrases mark
// a limit that passes with time, which is a rate limit, not an exhausted budget.
const passingLimitMessage = /retry in|rate[ _-]?limit|per[ _-]?minute|per[ _-]?second/i;

const contextLengthCodes = new Set([
  'context_length_exceeded',
  'string_above_max_length',
  'model_max_prompt_tokens_exceeded',
]);
const contextLengthMessage =
  /maximum context length|context[ _-]length|context window|prompt is too long|input is too long|too many (input )?tokens|exceeds the maximum number of tokens|reduce the length of the messages/i;

const contentFilterCodes = new Set([
  'content_filter',
  'content_policy_violation',
  'responsibleaipolicyviolation',
  'safety',
]);
const contentFilterMessage = /content[ _-]?(filter|management policy|policy)|safety system/i;

// Error types and codes that name their kind, for errors that arrive without a telling HTTP
// status (a stream's `error` event after a 200, an SDK error without `status`).
// A Map, not an object literal: codes such as `__proto__` must not find inherited members.
const kindByName: ReadonlyMap<string, FailureKind> = new Map(
  Object.entries({
    rate_limit_error: 'rate-limited',
    rate_limit_exceeded: 'rate-limited',
    resource_exhausted: 'rate-limited',
    overloaded_error: 'overloaded',
    unavailable: 'overloaded',
    api_error: 'server',
    server_error: 'server',
    internal_server_error: 'server',
    internal: 'server',
    timeout_error: 'timeout',
    deadline_exceeded: 'timeout',
    authentication_error: 'auth',
    permission_error: 'auth',
    invalid_api_key: 'auth',
    unauthenticated: 'auth',
    permission_denied: 'auth',
    request_too_large: 'context-length',
    invalid_request_error: 'bad-request',
    not_found_error: 'bad-request',
    invalid_argument: 'bad-request',
    failed_precondition: 'bad-request',
    not_found: 'bad-request',
  } satisfies Record<string, FailureKind>),
);

/** The body says the account's quota, credit or spending limit is exhausted. */
export function isQuotaError(details: ProviderErrorDetails): boolean {
  if (names(details).some((name) => quotaCodes.has(name))) return true;
  const message = text(details.message);
  return quotaMessage.test(message) && !passingLimitMessage.test(message);
}

/** The body says the prompt does not fit the model's context window. */
export function isContextLengthError(details: ProviderErrorDetails): boolean {
  return (
    names(details).some((name) => contextLengthCodes.has(name)) ||
    contextLengthMessage.test(text(details.message))
  );
}

/** The body says the provider's content policy refused the request. */
export function isContentFilterError(details: ProviderErrorDetails): boolean {
  return (
    names(details).some((name) => contentFilterCodes.has(name)) ||
    contentFilterMessage.test(text(details.message))
  );
}

/**
 * The kind a body names on its own, without an HTTP status: specific signals (quota,
 * context length, content filter) first, then the error's type or code.
 */
export function kindFromProviderError(details: ProviderErrorDetails): FailureKind | undefined {
  if (isQuotaError(details)) return 'spend-cap';
  if (isContextLengthError(details)) return 'context-length';
  if (isContentFilterError(details)) return 'content-filter';
  for (const name of names(details)) {
    const kind = kindByName.get(name);
    if (kind !== undefined) return kind;
  }
  return undefined;
}

function names({ code, type }: ProviderErrorDetails): string[] {
  return [code, type].map((value) => text(value).trim().toLowerCase()).filter(Boolean);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
