import type { Stream } from 'openai/core/streaming';
import { mapModel } from './map-model';
import type { OpenAIRequest } from './openai-request';
import type { OpenAIResult, OpenAIStreamPart } from './openai-response';
import type { OpenAITarget } from './openai-target';

/** What one attempt's SDK call resolved to, before the pipeline looks at it. */
export interface EndpointAnswer {
  /** The parsed body, or the SDK's stream for a streaming request. */
  readonly data: OpenAIResult | Stream<OpenAIStreamPart>;
  /** The HTTP response (its headers carry the rate-limit state). */
  readonly response: Response;
}

/**
 * Sends one attempt to one target through its SDK client: the model name mapped for the
 * target, the SDK's own retries off (the pipeline is the one retry owner), the attempt's
 * signal, and the caller's other request options. `.withResponse()` keeps the headers of
 * successful responses, which feed the rate limiter.
 */
export async function callEndpoint(
  target: OpenAITarget,
  request: OpenAIRequest,
  signal: AbortSignal,
): Promise<EndpointAnswer> {
  const options = { ...request.options, signal, maxRetries: 0 };
  const { client } = target;
  switch (request.endpoint) {
    case 'chat': {
      const body = { ...request.body, model: mapModel(target.models, request.body.model) };
      return client.chat.completions.create(body, options).withResponse();
    }
    case 'responses': {
      const { model } = request.body;
      const body =
        model === undefined
          ? request.body
          : { ...request.body, model: mapModel(target.models, model) };
      return client.responses.create(body, options).withResponse();
    }
    case 'embeddings': {
      const body = { ...request.body, model: mapModel(target.models, request.body.model) };
      return client.embeddings.create(body, options).withResponse();
    }
  }
}
