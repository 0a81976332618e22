import { type CallOptions, InvalidOptionError } from '@resilient-llm/core';
import { assertAbortSignal, assertObject, callOptionsFrom } from '@resilient-llm/core/binding';
import { callOptionsKey } from './call-options';
import type { OpenAIEndpoint, OpenAIRequest, SdkRequestOptions } from './openai-request';

/** One call as the pipeline takes it, with its per-call options and whether it streams. */
export interface PreparedRequest {
  readonly request: OpenAIRequest;
  /** The caller's `signal` and the per-call options of `withCallOptions`. */
  readonly callOptions: CallOptions;
  readonly streaming: boolean;
}

// How errors name the per-call options of `withCallOptions`.
const callOptionsField = 'withCallOptions';

/**
 * Checks the arguments of one `create(body, options)` call, as the SDK names them, before
 * anything is armed or sent: the body must be an object, the request options an object (or
 * `null`, as the SDK allows), their `signal` an `AbortSignal`, the per-call options of
 * `withCallOptions` an object without `signal`. Throws `InvalidOptionError`. `maxRetries` is
 * dropped (the pipeline is the one retry owner) and the per-call options are taken out, so
 * neither reaches an attempt.
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
  const options = (requestOptions ?? {}) as SdkRequestOptions & { [callOptionsKey]?: unknown };
  const {
    signal,
    maxRetries: _ownedByPipeline,
    [callOptionsKey]: ownCallOptions,
    ...forwarded
  } = options;
  if (signal !== null) assertAbortSignal('options.signal', signal);
  return {
    request: { endpoint, body, options: forwarded } as OpenAIRequest,
    callOptions: callOptionsFrom(callOptionsField, ownCallOptions, signal, 'signal'),
    streaming: 'stream' in body && (body as { stream?: unknown }).stream === true,
  };
}
