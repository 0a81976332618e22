import type { CacheScope } from '@resilient-llm/core/binding';
import { readHeader } from '@resilient-llm/core/binding';
import type { OpenAIRequest } from './openai-request';
import type { OpenAITarget } from './openai-target';

/** Headers whose values say whose account a request is billed to. */
const credentialHeaders = [
  'authorization',
  'api-key',
  'x-api-key',
  'openai-organization',
  'openai-project',
] as const;

/**
 * The endpoint and credentials of a request to a target, for the response cache: the client's
 * `baseURL`, `apiKey`, `organization` and `project`, the credential headers among its
 * `defaultHeaders` and among the call's own request options (`authorization`, `api-key`,
 * `x-api-key`, `openai-organization`, `openai-project`), and, for a client without a fixed
 * key, the client object itself (keyed by its identity). The cache keeps only a keyed hash of
 * them.
 */
export function cacheScope(request: OpenAIRequest, { client }: OpenAITarget): CacheScope {
  const credentials: Record<string, string | object | undefined> = {
    apiKey: client.apiKey ?? undefined,
    organization: client.organization ?? undefined,
    project: client.project ?? undefined,
  };
  // A key known only per request (a key function, workload identity, a provider): the client
  // stands for it, so its answers are never shared with another client.
  if (typeof client.apiKey !== 'string' || client._hasApiKeyProvider?.())
    credentials.client = client;
  // The SDK keeps the client's default headers in its (protected) options.
  const { defaultHeaders } = (client as unknown as { _options?: { defaultHeaders?: unknown } })
    ._options ?? { defaultHeaders: undefined };
  addCredentialHeaders(credentials, 'client', defaultHeaders);
  addCredentialHeaders(credentials, 'call', request.options?.headers);
  return { endpoint: client.baseURL, credentials };
}

/** Copies the credential headers of any of the SDK's header shapes into `credentials`. */
function addCredentialHeaders(
  credentials: Record<string, string | object | undefined>,
  source: 'client' | 'call',
  headers: unknown,
): void {
  if (typeof headers !== 'object' || headers === null) return;
  const readable = Array.isArray(headers)
    ? new Headers(headers.filter((entry) => typeof entry?.[1] === 'string'))
    : // The SDK's own merged headers: `{ values: Headers, nulls }`.
      (headers as { values?: unknown }).values instanceof Headers
      ? (headers as { values: Headers }).values
      : headers;
  for (const name of credentialHeaders) {
    const value = readHeader(readable as Headers, name);
    if (value !== undefined) credentials[`${source}:${name}`] = value;
  }
}
