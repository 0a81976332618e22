import type { OpenAIEndpoint, OpenAIRequest } from './openai-request';
import type { ResponseProps } from './to-api-promise';

const endpointPaths: Readonly<Record<OpenAIEndpoint, string>> = {
  chat: '/chat/completions',
  responses: '/responses',
  embeddings: '/embeddings',
};

/**
 * What the SDK's `APIPromise` needs to know about the exchange behind a result: the HTTP
 * response of the answering attempt (for `.withResponse()` and `.asResponse()`), the request,
 * and the controller that stops it.
 */
export function responseProps(
  request: OpenAIRequest,
  response: Response,
  controller: AbortController,
): ResponseProps {
  return {
    response,
    options: { method: 'post', path: endpointPaths[request.endpoint], body: request.body },
    controller,
    // The pipeline logs through its events, not the SDK's request log.
    requestLogID: 'resilient-llm',
    retryOfRequestLogID: undefined,
    startTime: Date.now(),
  };
}
