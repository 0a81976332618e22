import { InvalidOptionError } from '@resilient-llm/core';
import { assertAbortSignal, assertObject } from '@resilient-llm/core/binding';
import type { OpenAIEndpoint, OpenAIRequest, SdkRequestOptions } from './openai-request';

/** One call as the pipeline takes it, with the caller's signal and whether it streams. */
export interface PreparedRequest {
  readonly request: OpenAIRequest;
  readonly signal: AbortSignal | undefined;
  readonly streaming: boolean;
}

/**
 * Checks the arguments of one `create(body, options)` call, as the SDK names them, before
 * anything is armed or sent: the body must be an object, the request options an object (or
 * `null`, as the SDK allows), their `signal` an `AbortSignal`. Throws `InvalidOptionError`.
 * `maxRetries` is dropped: the pipeline is the one retry owner.
 */
export function prepareRequest(
  endpoint: OpenAIEndpoint,
  body: unknown,
  requestOptions: unknown,
): PreparedRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidOptionError({
      field: 'body',
      value: body,
      reason: `must be the request body of ${endpoint}, an object`,
    });
  }
  assertObject('options', requestOptions ?? undefined);
  const options = (requestOptions ?? {}) as SdkRequestOptions;
  const { signal, maxRetries: _ownedByPipeline, ...forwarded } = options;
  if (signal !== null) assertAbortSignal('options.signal', signal);
  return {
    request: { endpoint, body, options: forwarded } as OpenAIRequest,
    signal: signal ?? undefined,
    streaming: 'stream' in body && (body as { stream?: unknown }).stream === true,
  };
}
