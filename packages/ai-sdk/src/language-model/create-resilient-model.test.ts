import { APICallError, type LanguageModelV4StreamPart } from '@ai-sdk/provider';
import {
  AllTargetsFailedError,
  IncompleteStreamError,
  InvalidOptionError,
  StreamInterruptedError,
} from '@resilient-llm/core';
import { createManualClock, injectLanguageModelFaults, yieldToIo } from '@resilient-llm/simulator';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { readAll, scriptedStream, textAnswer, usage } from '../../test/scripted-stream';
import { createResilientModel } from './create-resilient-model';

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Hi' }] }];
const http = (statusCode: number, isRetryable = statusCode >= 500) =>
  new APICallError({
    message: `HTTP ${statusCode}`,
    url: 'https://example.test/v1',
    requestBodyValues: {},
    statusCode,
    isRetryable,
  });

function streamingModel(modelId: string, ...results: ReturnType<typeof scriptedStream>[]) {
  return new MockLanguageModelV4({
    modelId,
    doStream: results.map(({ stream }) => ({
      stream,
      request: { body: { model: modelId } },
      response: { headers: { 'x-model': modelId } },
    })),
  });
}

describe('the stream commit point of a resilient model', () => {
  it('buffers preamble parts and falls over invisibly on an error before content', async () => {
    const failing = scriptedStream(
      [
        { type: 'stream-start', warnings: [] },
        { type: 'response-metadata', modelId: 'primary' },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: '' },
        { type: 'error', error: http(503) },
      ],
      { hang: true },
    );
    const answer = scriptedStream(textAnswer('Hello there', 'backup'));
    const model = createResilientModel({
      models: [streamingModel('primary', failing), streamingModel('backup', answer)],
      retry: false,
    });

    const result = await model.doStream({ prompt });
    const parts = await readAll(result.stream);

    expect(parts.slice(0, -1)).toEqual(textAnswer('Hello there', 'backup').slice(0, -1));
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      providerMetadata: {
        resilientLlm: { targetId: 'mock-provider:backup', targetIndex: 1, attempts: 2 },
      },
    });
    expect(result.request).toEqual({ body: { model: 'backup' } });
    expect(result.response).toEqual({ headers: { 'x-model': 'backup' } });
    await yieldToIo();
    expect(failing.cancelled()).toBe(true);
  });

  it('treats a finish part of reason interrupted as a cut stream, before and after content', async () => {
    const interrupted = {
      type: 'finish',
      usage,
      finishReason: { unified: 'interrupted', raw: undefined },
    } as const;
    const emptyThenCut = scriptedStream([{ type: 'stream-start', warnings: [] }, interrupted]);
    const partialThenCut = scriptedStream([
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Par' },
      interrupted,
    ]);
    const model = createResilientModel({
      models: [streamingModel('a', emptyThenCut), streamingModel('b', partialThenCut)],
      retry: false,
    });

    const parts = await readAll((await model.doStream({ prompt })).stream);

    expect(parts.map((part) => part.type)).toEqual(['text-start', 'text-delta', 'error']);
    const { error } = parts.at(-1) as Extract<LanguageModelV4StreamPart, { type: 'error' }>;
    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    const interruption = error as StreamInterruptedError<LanguageModelV4StreamPart>;
    expect(interruption.targetId).toBe('mock-provider:b');
    expect(IncompleteStreamError.isInstance(interruption.failure.cause)).toBe(true);
    expect(interruption.partialParts).toEqual(parts.slice(0, 2));
  });

  it('reports an error after the first content as an error part and never calls the next model', async () => {
    const cut = scriptedStream(
      [
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: 'Hel' },
      ],
      { fail: new TypeError('terminated') },
    );
    const backup = streamingModel('backup', scriptedStream(textAnswer('unused')));
    const model = createResilientModel({
      models: [streamingModel('primary', cut), backup],
      retry: false,
    });

    const parts = await readAll((await model.doStream({ prompt })).stream);

    expect(parts.map((part) => part.type)).toEqual(['text-start', 'text-delta', 'error']);
    const { error } = parts.at(-1) as Extract<LanguageModelV4StreamPart, { type: 'error' }>;
    expect((error as StreamInterruptedError).failure.kind).toBe('network');
    expect(backup.doStreamCalls).toHaveLength(0);
  });

  it('commits on a tool call input and on reasoning, not on an empty delta', async () => {
    const toolInput = scriptedStream([{ type: 'tool-input-start', id: 'c', toolName: 'weather' }], {
      fail: new TypeError('terminated'),
    });
    const model = createResilientModel({
      models: [
        streamingModel('primary', toolInput),
        streamingModel('backup', scriptedStream(textAnswer('x'))),
      ],
      retry: false,
    });

    const parts = await readAll((await model.doStream({ prompt })).stream);

    expect(parts.map((part) => part.type)).toEqual(['tool-input-start', 'error']);
  });

  it('interrupts a committed stream that goes idle, on the model clock', async () => {
    const clock = createManualClock(0);
    const idle = scriptedStream([{ type: 'text-delta', id: 't', delta: 'Hel' }], { hang: true });
    const model = createResilientModel({
      models: [streamingModel('primary', idle)],
      retry: false,
      streamTimeouts: { idleTimeoutMs: 5_000 },
      clock,
    });

    const reading = readAll((await model.doStream({ prompt })).stream);
    await yieldToIo();
    clock.advance(5_000);
    const parts = await reading;

    const { error } = parts.at(-1) as Extract<LanguageModelV4StreamPart, { type: 'error' }>;
    expect((error as StreamInterruptedError).failure).toMatchObject({
      kind: 'timeout',
      phase: 'idle',
    });
    expect(idle.cancelled()).toBe(true);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('falls over when a stream opens too late for the first-content limit', async () => {
    const clock = createManualClock(0);
    const late = new MockLanguageModelV4({
      modelId: 'late',
      doStream: () => new Promise(() => {}),
    });
    const model = createResilientModel({
      models: [late, streamingModel('fast', scriptedStream(textAnswer('Hi')))],
      retry: false,
      streamTimeouts: { firstContentTimeoutMs: 1_000 },
      clock,
    });

    const opening = model.doStream({ prompt });
    await yieldToIo();
    clock.advance(1_000);
    const parts = await readAll((await opening).stream);

    expect(parts.at(-1)).toMatchObject({ providerMetadata: { resilientLlm: { targetIndex: 1 } } });
    expect(late.doStreamCalls[0]?.abortSignal?.aborted).toBe(true);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('closes the model stream when the caller cancels', async () => {
    const endless = scriptedStream([{ type: 'text-delta', id: 't', delta: 'a' }], { hang: true });
    const model = createResilientModel({
      models: [streamingModel('primary', endless)],
      retry: false,
    });

    const { stream } = await model.doStream({ prompt });
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel('done');
    await yieldToIo();

    expect(endless.cancelled()).toBe(true);
  });
});

describe('generate of a resilient model', () => {
  const answer = {
    content: [{ type: 'text' as const, text: 'Hello' }],
    finishReason: { unified: 'stop' as const, raw: 'stop' },
    usage,
    warnings: [],
    providerMetadata: { mock: { id: 1 } },
  };

  it('falls over and reports which model answered next to the model’s own metadata', async () => {
    const down = new MockLanguageModelV4({
      modelId: 'down',
      doGenerate: () => Promise.reject(http(503)),
    });
    const up = new MockLanguageModelV4({ modelId: 'up', doGenerate: answer });
    const model = createResilientModel({
      models: [down, { model: up, id: 'backup' }],
      retry: false,
    });

    const result = await model.doGenerate({ prompt });

    expect(result.content).toEqual(answer.content);
    expect(result.providerMetadata).toEqual({
      mock: { id: 1 },
      resilientLlm: { targetId: 'backup', targetIndex: 1, attempts: 2 },
    });
  });

  it('classifies in-process simulated faults and reports the fallback as an event', async () => {
    const flaky = injectLanguageModelFaults(
      new MockLanguageModelV4({ modelId: 'flaky', doGenerate: answer }),
      { faults: [{ type: 'overloaded' }] },
    );
    const model = createResilientModel({
      models: [flaky, new MockLanguageModelV4({ modelId: 'steady', doGenerate: answer })],
      retry: false,
    });
    const fallbacks: unknown[] = [];
    model.on('fallback', (event) => fallbacks.push(event));

    const result = await model.doGenerate({ prompt });

    expect(result.providerMetadata?.resilientLlm).toMatchObject({ targetIndex: 1 });
    expect(fallbacks).toEqual([
      expect.objectContaining({
        targetId: 'mock-provider:flaky',
        nextTargetId: 'mock-provider:steady',
        failure: expect.objectContaining({ kind: 'overloaded', status: 529 }),
      }),
    ]);
  });

  it('surfaces a request error unchanged and does not fall over', async () => {
    const badRequest = http(400, false);
    const primary = new MockLanguageModelV4({ doGenerate: () => Promise.reject(badRequest) });
    const backup = new MockLanguageModelV4({ modelId: 'other', doGenerate: answer });
    const model = createResilientModel({ models: [primary, backup] });

    await expect(model.doGenerate({ prompt })).rejects.toBe(badRequest);
    expect(backup.doGenerateCalls).toHaveLength(0);
  });

  it('rejects with AllTargetsFailedError, which the AI SDK does not retry', async () => {
    const model = createResilientModel({
      models: [new MockLanguageModelV4({ doGenerate: () => Promise.reject(http(500)) })],
      retry: false,
    });

    const error = await Promise.resolve(model.doGenerate({ prompt })).catch(
      (caught: unknown) => caught,
    );

    expect(AllTargetsFailedError.isInstance(error)).toBe(true);
    expect(APICallError.isInstance(error)).toBe(false);
  });

  it('takes a total deadline per call from providerOptions.resilientLlm.timeoutMs', async () => {
    const clock = createManualClock(0);
    const hung = new MockLanguageModelV4({ doGenerate: () => new Promise(() => {}) });
    const model = createResilientModel({ models: [hung], clock });

    const generating = Promise.resolve(
      model.doGenerate({ prompt, providerOptions: { resilientLlm: { timeoutMs: 1_000 } } }),
    ).catch((caught: unknown) => caught);
    await yieldToIo();
    clock.advance(1_000);

    expect(await generating).toMatchObject({ name: 'TimeoutError', phase: 'total' });
    expect(hung.doGenerateCalls[0]?.abortSignal?.aborted).toBe(true);
  });

  it('passes each attempt its own abort signal, tied to the caller’s', async () => {
    const controller = new AbortController();
    const model = new MockLanguageModelV4({ doGenerate: answer });
    const resilient = createResilientModel({ models: [model] });

    await resilient.doGenerate({ prompt, abortSignal: controller.signal });

    const signal = model.doGenerateCalls[0]?.abortSignal;
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal).not.toBe(controller.signal);
  });
});

describe('options of createResilientModel', () => {
  const model = new MockLanguageModelV4({ modelId: 'm' });

  it.each([
    [{ models: [] }, 'models'],
    [{ models: [{ specificationVersion: 'v3', provider: 'p', modelId: 'm' }] }, 'models[0]'],
    [{ models: [model, model] }, 'models[1]'],
    [{ models: [model, { model, id: '' }] }, 'models[1].id'],
    [{ models: [model], streamTimeouts: { idleTimeoutMs: -1 } }, 'streamTimeouts.idleTimeoutMs'],
    [{ models: [model], modelId: '' }, 'modelId'],
    [{ models: [model], retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
  ])('rejects %j naming %s', (options, field) => {
    const error = (() => {
      try {
        createResilientModel(options as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(InvalidOptionError.isInstance(error)).toBe(true);
    expect((error as InvalidOptionError).field).toBe(field);
  });

  it('accepts the same model twice under different ids, and reports the first model id', () => {
    const resilient = createResilientModel({ models: [model, { model, id: 'm-again' }] });
    expect(resilient.modelId).toBe('m');
    expect(resilient.provider).toBe('resilient-llm');
    expect(resilient.specificationVersion).toBe('v4');
  });

  it('offers only the URLs every model supports natively', async () => {
    const first = new MockLanguageModelV4({
      modelId: 'a',
      supportedUrls: { 'image/*': [/^https:\/\/.*$/], 'application/pdf': [/^https:\/\/.*$/] },
    });
    const second = new MockLanguageModelV4({
      modelId: 'b',
      supportedUrls: { 'image/*': [/^https:\/\/.*$/] },
    });
    const resilient = createResilientModel({ models: [first, second] });
    expect(await resilient.supportedUrls).toEqual({ 'image/*': [/^https:\/\/.*$/] });
  });
});
