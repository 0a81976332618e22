import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { APICallError } from '@ai-sdk/provider';
import { embedMany, generateText, streamText } from 'ai';
import { convertArrayToReadableStream, MockEmbeddingModelV4, MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it, vi } from 'vitest';
import {
  createManualClock,
  injectEmbeddingModelFaults,
  injectFaults,
  injectLanguageModelFaults,
  SimulatedFaultError,
} from '../src/index';

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 4, text: 4, reasoning: 0 },
};

function mockModel(): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doGenerate: async () => ({
      content: [{ type: 'text', text: 'Hello world' }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      warnings: [],
    }),
    doStream: async () => ({
      stream: convertArrayToReadableStream<LanguageModelV4StreamPart>([
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: '1' },
        ...['one', ' two', ' three', ' four'].map((delta) => ({
          type: 'text-delta' as const,
          id: '1',
          delta,
        })),
        { type: 'text-end', id: '1' },
        { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
      ]),
    }),
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('injectFaults around any async function', () => {
  it('throws APICallError-like errors with status, headers and isRetryable', async () => {
    const call = injectFaults(async () => 'ok', {
      faults: [{ type: 'rate-limit', retryAfterMs: 1500 }],
    });
    const error = await failure(call());
    expect(APICallError.isInstance(error)).toBe(true);
    expect(SimulatedFaultError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: 429,
      status: 429,
      isRetryable: true,
      fault: 'rate-limit',
    });
    expect((error as SimulatedFaultError).responseHeaders).toMatchObject({
      'retry-after': '2',
      'retry-after-ms': '1500',
    });
  });

  it('marks insufficient quota and connection resets as the SDKs would', async () => {
    const quota = await failure(
      injectFaults(async () => 1, { faults: [{ type: 'insufficient-quota' }] })(),
    );
    expect(quota).toMatchObject({ statusCode: 429, isRetryable: false });
    expect((quota as SimulatedFaultError).responseHeaders?.['retry-after']).toBeUndefined();
    const reset = await failure(
      injectFaults(async () => 1, { faults: [{ type: 'connection-reset' }] })(),
    );
    expect(reset).toMatchObject({
      statusCode: undefined,
      isRetryable: true,
      fault: 'connection-reset',
    });
  });

  it('hangs until the call is aborted, without calling the function', async () => {
    const fn = vi.fn(async (_options: { signal: AbortSignal }) => 'ok');
    const call = injectFaults(fn, { faults: [{ type: 'hang' }] });
    const controller = new AbortController();
    const pending = failure(call({ signal: controller.signal }));
    controller.abort(new Error('gave up'));
    expect(await pending).toMatchObject({ message: 'gave up' });
    expect(fn).not.toHaveBeenCalled();
  });

  it('delays the call by the time to first token on the injected clock', async () => {
    const clock = createManualClock();
    const fn = vi.fn(async () => 'ok');
    const pending = injectFaults(fn, { latency: { firstTokenMedianMs: 500 } }, { clock })();
    await Promise.resolve();
    clock.advance(499);
    expect(fn).not.toHaveBeenCalled();
    clock.advance(1);
    expect(await pending).toBe('ok');
  });

  it('fires at the configured frequency over 2,000 calls', async () => {
    const call = injectFaults(async () => 'ok', {
      seed: 9,
      faults: [{ type: 'server-error', probability: 0.2 }],
    });
    const results = await Promise.allSettled(Array.from({ length: 2000 }, () => call()));
    const failed = results.filter((result) => result.status === 'rejected').length;
    expect(Math.abs(failed - 400)).toBeLessThanOrEqual(4 * Math.sqrt(2000 * 0.2 * 0.8));
  });
});

describe('injectLanguageModelFaults', () => {
  it('passes healthy calls through', async () => {
    const model = injectLanguageModelFaults(mockModel(), 'steady');
    expect((await generateText({ model, prompt: 'Hi' })).text).toBe('Hello world');
  });

  it('fails generateText with a 529 APICallError', async () => {
    const model = injectLanguageModelFaults(mockModel(), { faults: [{ type: 'overloaded' }] });
    const error = await failure(generateText({ model, prompt: 'Hi', maxRetries: 0 }));
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 529, isRetryable: true });
  });

  it('fails with 400 context_length_exceeded, not retryable, when the prompt is too long', async () => {
    const model = injectLanguageModelFaults(mockModel(), { contextWindow: 5 });
    const error = await failure(generateText({ model, prompt: 'x'.repeat(100), maxRetries: 2 }));
    expect(error).toMatchObject({ statusCode: 400, isRetryable: false, fault: 'context-length' });
    expect((error as SimulatedFaultError).responseBody).toContain('context_length_exceeded');
  });

  it('drops a stream mid-way: the stream errors after the planned tokens', async () => {
    const model = injectLanguageModelFaults(mockModel(), {
      faults: [{ type: 'drop', afterTokens: 2 }],
    });
    const result = streamText({ model, prompt: 'Hi', onError: () => {} });
    const deltas: string[] = [];
    const parts: string[] = [];
    const error = await failure(
      (async () => {
        for await (const part of result.fullStream) {
          parts.push(part.type);
          if (part.type === 'text-delta') deltas.push(part.text);
        }
      })(),
    );
    expect(deltas).toEqual(['one', ' two']);
    expect(parts).not.toContain('finish');
    expect(SimulatedFaultError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ fault: 'drop', isRetryable: true });
  });

  it('puts an error part in the stream for a malformed chunk', async () => {
    const model = injectLanguageModelFaults(mockModel(), {
      faults: [{ type: 'malformed-chunk', afterTokens: 1 }],
    });
    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    });
    const parts: LanguageModelV4StreamPart[] = [];
    for await (const part of stream) parts.push(part);
    const errorIndex = parts.findIndex((part) => part.type === 'error');
    expect(parts.slice(0, errorIndex).filter((part) => part.type === 'text-delta')).toHaveLength(1);
  });

  it('stalls a stream on the injected clock', async () => {
    const clock = createManualClock();
    const model = injectLanguageModelFaults(
      mockModel(),
      { faults: [{ type: 'stall', afterTokens: 2, durationMs: 10_000 }] },
      { clock },
    );
    const { stream } = await model.doStream({ prompt: [] });
    const reader = stream.getReader();
    const deltas: string[] = [];
    const readAll = (async () => {
      for (let part = await reader.read(); !part.done; part = await reader.read()) {
        if (part.value.type === 'text-delta') deltas.push(part.value.delta);
      }
    })();
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(1), { timeout: 5000 });
    expect(deltas).toEqual(['one', ' two']);
    clock.advance(10_000);
    await readAll;
    expect(deltas).toHaveLength(4);
  });
});

describe('injectEmbeddingModelFaults', () => {
  it('passes embeddings through and injects errors', async () => {
    const inner = new MockEmbeddingModelV4({
      doEmbed: async ({ values }) => ({ embeddings: values.map(() => [1, 0]), warnings: [] }),
    });
    const healthy = injectEmbeddingModelFaults(inner, 'steady');
    expect((await embedMany({ model: healthy, values: ['a', 'b'] })).embeddings).toEqual([
      [1, 0],
      [1, 0],
    ]);
    const failing = injectEmbeddingModelFaults(inner, {
      faults: [{ type: 'server-error', status: 503 }],
    });
    const error = await failure(embedMany({ model: failing, values: ['a'], maxRetries: 0 }));
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ statusCode: 503 });
  });
});
