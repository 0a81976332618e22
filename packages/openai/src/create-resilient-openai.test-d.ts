import type { ResilientStream } from '@resilient-llm/core';
import OpenAI from 'openai';
import type { APIPromise } from 'openai/core/api-promise';
import type { Stream } from 'openai/core/streaming';
import { describe, expectTypeOf, it } from 'vitest';
import { withCallOptions } from './call-options';
import { createResilientOpenAI } from './create-resilient-openai';
import type { SdkRequestOptions } from './openai-request';
import { getProvenance, type OpenAIProvenance } from './provenance';

const resilient = createResilientOpenAI({ targets: [{ client: new OpenAI({ apiKey: 'sk' }) }] });
const messages = [{ role: 'user' as const, content: 'Hi' }];

describe('the resilient client keeps the SDK types', () => {
  it('has exactly the SDK methods, overloads included', () => {
    expectTypeOf(resilient.chat.completions.create).toEqualTypeOf<
      OpenAI['chat']['completions']['create']
    >();
    expectTypeOf(resilient.responses.create).toEqualTypeOf<OpenAI['responses']['create']>();
    expectTypeOf(resilient.embeddings.create).toEqualTypeOf<OpenAI['embeddings']['create']>();
  });

  it('returns a ChatCompletion without stream and the SDK stream with it', () => {
    expectTypeOf(resilient.chat.completions.create({ model: 'm', messages })).toEqualTypeOf<
      APIPromise<OpenAI.Chat.ChatCompletion>
    >();
    expectTypeOf(
      resilient.chat.completions.create({ model: 'm', messages, stream: true }),
    ).toEqualTypeOf<APIPromise<Stream<OpenAI.Chat.ChatCompletionChunk>>>();
    const flag: boolean = Math.random() > 0.5;
    expectTypeOf(
      resilient.chat.completions.create({ model: 'm', messages, stream: flag }),
    ).toEqualTypeOf<
      APIPromise<Stream<OpenAI.Chat.ChatCompletionChunk> | OpenAI.Chat.ChatCompletion>
    >();
  });

  it('returns a Response or a stream of events from the Responses API', () => {
    expectTypeOf(resilient.responses.create({ model: 'm', input: 'Hi' })).toEqualTypeOf<
      APIPromise<OpenAI.Responses.Response>
    >();
    expectTypeOf(
      resilient.responses.create({ model: 'm', input: 'Hi', stream: true }),
    ).toEqualTypeOf<APIPromise<Stream<OpenAI.Responses.ResponseStreamEvent>>>();
  });

  it('returns embeddings, base64 ones when asked', () => {
    expectTypeOf(resilient.embeddings.create({ model: 'e', input: 'Hi' })).toEqualTypeOf<
      APIPromise<OpenAI.CreateEmbeddingResponse>
    >();
    const base64 = { model: 'e', input: 'Hi', encoding_format: 'base64' } as const;
    expectTypeOf(resilient.embeddings.create(base64)).toEqualTypeOf(
      new OpenAI().embeddings.create(base64),
    );
  });

  it('keeps withResponse() and gives provenance through a side channel', async () => {
    const { data, response } = await resilient.chat.completions
      .create({ model: 'm', messages })
      .withResponse();
    expectTypeOf(data).toEqualTypeOf<OpenAI.Chat.ChatCompletion>();
    expectTypeOf(response).toEqualTypeOf<Response>();
    expectTypeOf(getProvenance(data)).toEqualTypeOf<OpenAIProvenance | undefined>();
    expectTypeOf(resilient.model.stream).returns.resolves.toHaveProperty('stream');
    expectTypeOf<ResilientStream<unknown>>().toHaveProperty('toReadableStream');
  });

  it('takes per-call options as request options, keeping the overloads', () => {
    const options = withCallOptions({ timeoutMs: 5_000, metadata: { user: 'u1' } }, { timeout: 1 });
    expectTypeOf(options).toEqualTypeOf<SdkRequestOptions>();
    expectTypeOf(
      resilient.chat.completions.create({ model: 'm', messages, stream: true }, options),
    ).toEqualTypeOf<APIPromise<Stream<OpenAI.Chat.ChatCompletionChunk>>>();
    // @ts-expect-error The signal is the SDK's own request option.
    withCallOptions({ signal: new AbortController().signal });
    // @ts-expect-error A key no stage declares (by augmenting `CallOptions`) is no call option.
    withCallOptions({ region: 'eu' });
  });
});
