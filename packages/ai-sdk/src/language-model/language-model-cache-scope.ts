import type { LanguageModelV4 } from '@ai-sdk/provider';
import { type CacheScope, readHeader } from '@resilient-llm/core/binding';
import type { ModelTarget } from '../target/model-target';
import type { LanguageModelRequest } from './language-model-request';

/** Headers of a call's own that carry a credential (OpenAI, Azure, Anthropic, Google and most gateways). */
const callCredentialHeaders = ['authorization', 'api-key', 'x-api-key', 'x-goog-api-key'] as const;

/** What the AI SDK's providers keep of their settings on each model (`@ai-sdk/openai` and most others). */
interface ProviderConfig {
  readonly headers?: unknown;
  readonly url?: unknown;
  readonly baseURL?: unknown;
  readonly fetch?: unknown;
}

/**
 * The endpoint and credentials a call would be sent with, for the response cache: the
 * provider id, model id and base URL of the model, the headers its provider sends (API key,
 * organization, project, custom headers; not `user-agent`) and the call's own credential
 * headers (`authorization`, `api-key`, `x-api-key`, `x-goog-api-key`). A model whose provider
 * settings cannot be read (a wrapped or custom model), or that sends through a custom
 * `fetch`, is keyed by its own identity, so it never shares answers with another. The cache
 * keeps only a keyed hash of the credentials.
 */
export async function languageModelCacheScope(
  { params, model: given }: LanguageModelRequest,
  target: ModelTarget<LanguageModelV4>,
): Promise<CacheScope> {
  const model = given ?? target.model;
  const config = (model as { config?: ProviderConfig }).config;
  // Models and `fetch` functions whose account cannot be read stand for it (keyed by identity).
  const credentials: Record<string, string | object | undefined> = {};
  const headers =
    typeof config?.headers === 'function'
      ? await (config.headers as () => unknown)()
      : config?.headers;
  if (typeof headers === 'object' && headers !== null) {
    for (const [name, value] of Object.entries(headers)) {
      const lowerName = name.toLowerCase();
      if (lowerName !== 'user-agent' && typeof value === 'string')
        credentials[`provider:${lowerName}`] = value;
    }
  } else credentials.model = model;
  if (typeof config?.fetch === 'function') credentials.fetch = config.fetch;
  for (const name of callCredentialHeaders) {
    const value = readHeader(params.headers, name);
    if (value !== undefined) credentials[`call:${name}`] = value;
  }
  return { endpoint: endpointOf(model, config), credentials };
}

function endpointOf(model: LanguageModelV4, config: ProviderConfig | undefined): string {
  let base: unknown = config?.baseURL;
  try {
    if (typeof config?.url === 'function') base = config.url({ path: '', modelId: model.modelId });
  } catch {
    // A provider whose URL needs more than a path: its provider and model id name it.
  }
  const name = `${model.provider}:${model.modelId}`;
  return typeof base === 'string' ? `${name} ${base}` : name;
}
