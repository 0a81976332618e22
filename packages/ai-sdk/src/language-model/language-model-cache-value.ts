import type { LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import type { LanguageModelStreamOpened } from '../stream/stream-opened';

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

/**
 * What the response cache stores of what a stream opened: the `request` and `response` of
 * `doStream` without the request's `body` (the whole prompt). A hit gives back the rest.
 */
export function languageModelCacheOpened(opened: unknown): LanguageModelStreamOpened {
  const { request, response } = opened as LanguageModelStreamOpened;
  if (request === undefined) return { request, response };
  const { body: _body, ...requestHead } = request;
  return { request: requestHead, response };
}
