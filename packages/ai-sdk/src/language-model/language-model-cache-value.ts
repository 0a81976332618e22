import type { LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import { isStreamOpenedPart, type ResilientStreamPart } from '../stream/stream-opened-part';

/**
 * What the response cache stores of a `doGenerate` result: everything the AI SDK builds its
 * answer from (content, finish reason, usage, provider metadata, warnings, the response's id,
 * model id, timestamp and headers), without the request's `body` (the whole prompt) and the
 * response's raw `body` (which may echo instructions). A hit has neither.
 */
export function languageModelCacheResponse(
  result: LanguageModelV4GenerateResult,
): LanguageModelV4GenerateResult {
  const { request, response, ...answer } = result;
  const { body: _requestBody, ...requestHead } = request ?? {};
  const { body: _responseBody, ...responseHead } = response ?? {};
  return {
    ...answer,
    ...(request && { request: requestHead }),
    ...(response && { response: responseHead }),
  };
}

/** What the response cache stores of a stream part: the opening part without the request's `body`. */
export function languageModelCachePart(part: ResilientStreamPart): ResilientStreamPart {
  if (!isStreamOpenedPart(part) || part.request === undefined) return part;
  const { body: _body, ...requestHead } = part.request;
  return { ...part, request: requestHead };
}
