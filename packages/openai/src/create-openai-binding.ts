import { type Binding, parseRateLimitHeaders } from '@resilient-llm/core/binding';
import type { Stream } from 'openai/core/streaming';
import { cacheKey } from './cache-key';
import { cacheScope } from './cache-scope';
import { cacheOpened, cachePart, cacheResponse } from './cache-value';
import { callEndpoint } from './call-endpoint';
import { checkRequest } from './check-request';
import { classifyOpenAIError } from './classify-openai-error';
import { defaultTargetId } from './default-target-id';
import { estimateTokens } from './estimate-tokens';
import { observeResponse } from './observe-response';
import { observeStreamPart } from './observe-stream-part';
import type { OpenAIRequest } from './openai-request';
import type { OpenAIResponse, OpenAIResult, OpenAIStreamPart } from './openai-response';
import type { OpenAITarget } from './openai-target';
import { streamPartError } from './stream-part-error';
import { streamPartRole } from './stream-part-role';

/** The binding of the OpenAI SDK, for `createResilientModel` of `@resilient-llm/core`. */
export type OpenAIBinding = Binding<OpenAITarget, OpenAIRequest, OpenAIResponse, OpenAIStreamPart>;

/**
 * The binding that drives the OpenAI SDK: each attempt calls the target's client with the
 * model name mapped for it and the SDK's own retries off (`maxRetries: 0`), reads the response
 * headers through `.withResponse()` (a stream's HTTP response is what it `opened`), classifies the SDK's errors, and names the roles of chat
 * chunks and Responses API events for the stream commit point. For a response cache it gives
 * the key material, the endpoint and credentials a request is sent with (never stored: the
 * cache keys by a keyed hash of them), and what of an answer may be stored. A request it
 * cannot serve in the call's mode (a body without `stream: true` given to `stream()`) is
 * refused before anything is sent.
 */
export function createOpenAIBinding(): OpenAIBinding {
  return {
    targetId: (target) => target.id ?? defaultTargetId(target.client.baseURL),
    async generate(target, request, { signal }) {
      const { data, response } = await callEndpoint(target, request, signal);
      return { data: data as OpenAIResult, response };
    },
    async stream(target, request, { signal }) {
      const { data, response } = await callEndpoint(target, request, signal);
      return {
        parts: data as Stream<OpenAIStreamPart>,
        observation: { rateLimit: parseRateLimitHeaders(response.headers) },
        opened: response,
      };
    },
    classify: (error) => classifyOpenAIError(error),
    observe: observeResponse,
    partRole: streamPartRole,
    observePart: observeStreamPart,
    partError: streamPartError,
    cacheKey,
    cacheScope,
    cacheResponse,
    cachePart,
    cacheOpened,
    estimateTokens: (request) => estimateTokens(request.body),
    checkRequest,
  };
}
