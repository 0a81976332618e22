import { APIError } from 'openai';
import type { OpenAIStreamPart } from './openai-response';

/**
 * The error carried by an `error` or `response.failed` event, as the SDK's own `APIError`
 * without a status (what the SDK throws for an `error` event in a chat stream), so callers
 * and the classifier see the provider's `code`, `type` and `message`.
 */
export function streamPartError(part: OpenAIStreamPart): unknown {
  if (!('type' in part)) return undefined;
  if (part.type === 'error') {
    const { code, message, param } = part;
    return new APIError(undefined, { code, message, param, type: code }, undefined, undefined);
  }
  if (part.type === 'response.failed') {
    const error = part.response.error ?? { code: 'server_error', message: 'The response failed.' };
    return new APIError(undefined, { ...error, type: error.code }, undefined, undefined);
  }
  return undefined;
}
