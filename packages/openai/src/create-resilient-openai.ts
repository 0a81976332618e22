import {
  createResilientModel,
  type GenerateResult,
  type Provenance,
  type StreamResult,
} from '@resilient-llm/core';
import { assertOptions, assertRequired } from '@resilient-llm/core/binding';
import { createOpenAIBinding } from './create-openai-binding';
import { mapModel } from './map-model';
import type { OpenAIEndpoint, OpenAIRequest } from './openai-request';
import type { OpenAIResponse, OpenAIStreamPart } from './openai-response';
import type { OpenAITarget } from './openai-target';
import { prepareRequest } from './prepare-request';
import { setProvenance } from './provenance';
import {
  type ResilientOpenAI,
  type ResilientOpenAIOptions,
  resilientOpenAIOptionKeys,
} from './resilient-openai';
import { resolveTargets } from './resolve-targets';
import { responseProps } from './response-props';
import { type AnsweredCall, toApiPromise } from './to-api-promise';
import { toSdkStream } from './to-sdk-stream';

/**
 * Builds a client with the `OpenAI` SDK's shape and types whose `chat.completions.create`,
 * `responses.create` and `embeddings.create` go through the resilient-llm pipeline: paced by
 * each target's rate limits, retried as the server asks, and failed over across the targets
 * (OpenAI-compatible channels to the same model, or a smaller model as last resort).
 *
 * The SDK's own retries are off for every call (`maxRetries: 0` per request): the pipeline is
 * the one retry owner. Where a result came from is available through `getProvenance(result)`
 * and the pipeline's events (`on`, `telemetry`). Options are validated here; a bad value or
 * an unknown key throws `InvalidOptionError` naming the field. A call with a bad body or bad
 * request options returns a rejected `APIPromise` (`InvalidOptionError`) and sends nothing.
 * Per-call options for the stages (`timeoutMs`, `metadata`, `cache`, your own) travel in the
 * request options through `withCallOptions` and are never sent upstream.
 */
export function createResilientOpenAI(options: ResilientOpenAIOptions): ResilientOpenAI {
  assertRequired('options', options);
  assertOptions('', options, resilientOpenAIOptionKeys);
  const { targets, ...pipelineOptions } = options;
  const resolvedTargets = resolveTargets(targets);
  const binding = createOpenAIBinding();
  const model = createResilientModel({ ...pipelineOptions, binding, targets: resolvedTargets });
  const firstClient = resolvedTargets[0]!.client;

  function send(endpoint: OpenAIEndpoint, body: unknown, requestOptions: unknown) {
    return toApiPromise(firstClient, answer(endpoint, body, requestOptions));
  }

  function answer(endpoint: OpenAIEndpoint, body: unknown, requestOptions: unknown) {
    try {
      const { request, callOptions, streaming } = prepareRequest(endpoint, body, requestOptions);
      return streaming
        ? model
            .stream(request, callOptions)
            .then((result) => answerStream(request, result, callOptions.signal))
        : model.generate(request, callOptions).then((result) => answerGenerate(request, result));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  function answerGenerate(
    request: OpenAIRequest,
    result: GenerateResult<OpenAITarget, OpenAIResponse>,
  ): AnsweredCall<unknown> {
    const { data, response } = result.response;
    setProvenance(data, provenanceOf(request, result));
    return { data, props: responseProps(request, response, new AbortController()) };
  }

  function answerStream(
    request: OpenAIRequest,
    result: StreamResult<OpenAITarget, OpenAIStreamPart>,
    signal: AbortSignal | undefined,
  ): AnsweredCall<unknown> {
    const client = result.target?.client;
    const stream = toSdkStream(result.stream, { signal, client });
    setProvenance(stream, provenanceOf(request, result));
    // The binding opens a stream with its HTTP response; a cache hit gives back the one it
    // stored, and a stage that answers without one leaves it undefined.
    const { opened } = result.stream;
    const response = opened instanceof Response ? opened : new Response(null, { status: 200 });
    return { data: stream, props: responseProps(request, response, stream.controller) };
  }

  function provenanceOf(
    request: OpenAIRequest,
    { target, targetId, targetIndex, attempts }: Provenance<OpenAITarget>,
  ) {
    const requested = request.body.model;
    const model =
      typeof requested === 'string' && target ? mapModel(target.models, requested) : requested;
    return { targetId, targetIndex, attempts, model };
  }

  return {
    chat: {
      completions: {
        create: ((body, options) =>
          send('chat', body, options)) as ResilientOpenAI['chat']['completions']['create'],
      },
    },
    responses: {
      create: ((body, options) =>
        send('responses', body, options)) as ResilientOpenAI['responses']['create'],
    },
    embeddings: {
      create: ((body, options) =>
        send('embeddings', body, options)) as ResilientOpenAI['embeddings']['create'],
    },
    model,
    on: (type, listener) => model.on(type, listener),
  };
}
