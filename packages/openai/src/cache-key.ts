import { mapModel } from './map-model';
import type { OpenAIRequest } from './openai-request';
import type { OpenAITarget } from './openai-target';

// Fields that change how an answer is delivered, stored or billed, not what it says.
const deliveryFields = new Set([
  'stream',
  'stream_options',
  'user',
  'metadata',
  'store',
  'service_tier',
  'safety_identifier',
  'prompt_cache_key',
  'prompt_cache_retention',
  'background',
]);

/**
 * Canonical key material of a request for a response cache: the endpoint, the model as the
 * target names it, and every output-affecting field of the body, with object keys sorted so
 * that equal requests give equal keys. Delivery, storage and billing fields (`stream`,
 * `stream_options`, `user`, `metadata`, `store`, `service_tier`, `safety_identifier`,
 * `prompt_cache_key`, `prompt_cache_retention`, `background`) and the request options are
 * left out.
 */
export function cacheKey(request: OpenAIRequest, target: OpenAITarget): unknown {
  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(request.body)) {
    if (!deliveryFields.has(field) && value !== undefined) body[field] = value;
  }
  if (typeof body.model === 'string') body.model = mapModel(target.models, body.model);
  return sortKeys({ endpoint: request.endpoint, body });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const entry = (value as Record<string, unknown>)[key];
    if (entry !== undefined) sorted[key] = sortKeys(entry);
  }
  return sorted;
}
