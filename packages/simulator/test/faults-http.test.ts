import { createOpenAI } from '@ai-sdk/openai';
import { APICallError } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import OpenAI, { type APIError } from 'openai';
import { describe, expect, it, vi } from 'vitest';
import { createManualClock, type FaultRule, type RunningSimulator } from '../src/index';
import { openAIClient, startForTest } from './helpers';

const messages = [{ role: 'user' as const, content: 'Hello' }];

async function withFault(
  rule: FaultRule,
): Promise<{ simulator: RunningSimulator; client: OpenAI }> {
  const simulator = await startForTest({ defaultModel: { faults: [rule] } });
  return { simulator, client: openAIClient(simulator) };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

async function collect(stream: AsyncIterable<OpenAI.ChatCompletionChunk>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  return text;
}

describe('faults seen by the OpenAI SDK', () => {
  it.each([500, 502, 503] as const)('server error %d', async (status) => {
    const { client } = await withFault({ type: 'server-error', status });
    const error = await failure(client.chat.completions.create({ model: 'm', messages }));
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as APIError).status).toBe(status);
  });

  it('529 overloaded with the overloaded_error body', async () => {
    const { client } = await withFault({ type: 'overloaded' });
    const error = (await failure(
      client.chat.completions.create({ model: 'm', messages }),
    )) as APIError;
    expect(error.status).toBe(529);
    expect(error.error).toMatchObject({ type: 'overloaded_error', message: 'Overloaded' });
  });

  it('injected 429 with retry-after', async () => {
    const { client } = await withFault({ type: 'rate-limit', retryAfterMs: 2500 });
    const error = (await failure(
      client.chat.completions.create({ model: 'm', messages }),
    )) as APIError;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.headers?.get('retry-after')).toBe('3');
    expect(error.headers?.get('retry-after-ms')).toBe('2500');
    expect(error.code).toBe('rate_limit_exceeded');
  });

  it('429 insufficient_quota without retry headers', async () => {
    const { client, simulator } = await withFault({ type: 'insufficient-quota' });
    const error = (await failure(
      client.chat.completions.create({ model: 'm', messages }),
    )) as APIError;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.code).toBe('insufficient_quota');
    expect(error.type).toBe('insufficient_quota');
    expect(error.headers?.get('retry-after')).toBeNull();
    expect(simulator.stats().rateLimited).toBe(0);
  });

  it('400 context_length_exceeded when the prompt exceeds the window', async () => {
    const simulator = await startForTest({ models: { small: { contextWindow: 10 } } });
    const error = (await failure(
      openAIClient(simulator).chat.completions.create({
        model: 'small',
        messages: [{ role: 'user', content: 'x'.repeat(44) }],
      }),
    )) as APIError;
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.code).toBe('context_length_exceeded');
    expect(error.type).toBe('invalid_request_error');
    expect(error.message).toContain('maximum context length is 10 tokens');
  });

  it('connection reset before the response', async () => {
    const { client, simulator } = await withFault({ type: 'connection-reset' });
    const error = await failure(client.chat.completions.create({ model: 'm', messages }));
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(simulator.stats().byStatus['connection-reset']).toBe(1);
  });

  it('hang until the client gives up', async () => {
    const { client, simulator } = await withFault({ type: 'hang' });
    const controller = new AbortController();
    const pending = failure(
      client.chat.completions.create({ model: 'm', messages }, { signal: controller.signal }),
    );
    await vi.waitFor(() => expect(simulator.stats().byStatus.hang).toBe(1), { timeout: 5000 });
    controller.abort();
    expect(await pending).toBeInstanceOf(OpenAI.APIUserAbortError);
    await vi.waitFor(() => expect(simulator.stats().inFlight).toBe(0), { timeout: 5000 });
  });

  it('close() ends hung connections', async () => {
    const { client, simulator } = await withFault({ type: 'hang' });
    const pending = failure(client.chat.completions.create({ model: 'm', messages }));
    await vi.waitFor(() => expect(simulator.stats().byStatus.hang).toBe(1), { timeout: 5000 });
    await simulator.close();
    expect(await pending).toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it('a dropped stream ends without [DONE] and the SDK reports an error', async () => {
    const { client } = await withFault({ type: 'drop', afterTokens: 3 });
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true });
    let text = '';
    const error = await failure(
      (async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      })(),
    );
    expect(error).toBeInstanceOf(Error);
    expect(text.split(' ')).toHaveLength(3);
  });

  it('a malformed chunk breaks the SDK parser', async () => {
    // The SDK logs the unparsable chunk before throwing.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { client } = await withFault({ type: 'malformed-chunk', afterTokens: 2 });
    const stream = await client.chat.completions.create({ model: 'm', messages, stream: true });
    expect(await failure(collect(stream))).toBeInstanceOf(Error);
  });

  it('serves several models with their own faults in one process', async () => {
    const simulator = await startForTest({
      models: { broken: { faults: [{ type: 'server-error', status: 503 }] }, healthy: {} },
    });
    const client = openAIClient(simulator);
    expect(
      await failure(client.chat.completions.create({ model: 'broken', messages })),
    ).toBeInstanceOf(OpenAI.APIError);
    await client.chat.completions.create({ model: 'healthy', messages });
    expect(simulator.stats().byModel.broken?.byStatus).toEqual({ '503': 1 });
    expect(simulator.stats().byModel.healthy?.byStatus).toEqual({ '200': 1 });
  });

  it('non-streaming requests ignore stream faults', async () => {
    const { client, simulator } = await withFault({ type: 'drop' });
    await client.chat.completions.create({ model: 'm', messages });
    expect(simulator.stats().faults).toEqual({});
  });
});

describe('timing faults on an injected clock', () => {
  it('holds the first token for the drawn time to first token', async () => {
    const clock = createManualClock();
    const simulator = await startForTest({
      clock,
      defaultModel: { latency: { firstTokenMedianMs: 1000 } },
    });
    let answered = false;
    const pending = openAIClient(simulator)
      .chat.completions.create({ model: 'm', messages })
      .then((completion) => {
        answered = true;
        return completion;
      });
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(1), { timeout: 5000 });
    clock.advance(999);
    expect(clock.pendingTimers()).toBe(1);
    expect(answered).toBe(false);
    clock.advance(1);
    expect((await pending).choices[0]?.finish_reason).toBe('stop');
  });

  it('delays the first streamed token by a slow-first-token draw', async () => {
    const clock = createManualClock();
    // A p99 equal to the median pins the draw, so the delay is exactly 700 ms.
    const simulator = await startForTest({
      clock,
      defaultModel: { faults: [{ type: 'slow-first-token', medianMs: 700, p99Ms: 700 }] },
    });
    const stream = await openAIClient(simulator).chat.completions.create({
      model: 'm',
      messages,
      stream: true,
    });
    const text = collect(stream);
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(1), { timeout: 5000 });
    clock.advance(699);
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(1);
    expect((await text).split(' ')).toHaveLength(16);
    expect(simulator.stats().faults).toEqual({ 'slow-first-token': 1 });
  });

  it('paces tokens and stalls mid-stream', async () => {
    const clock = createManualClock();
    const simulator = await startForTest({
      clock,
      defaultModel: {
        responseTokens: 4,
        latency: { tokensPerSecond: 10 },
        faults: [{ type: 'stall', afterTokens: 2, durationMs: 5000 }],
      },
    });
    const stream = await openAIClient(simulator).chat.completions.create({
      model: 'm',
      messages,
      stream: true,
    });
    const received: string[] = [];
    const done = (async () => {
      for await (const chunk of stream) {
        const content = chunk.choices[0]?.delta.content;
        if (content) received.push(content);
      }
    })();
    // Token 1 goes out at once; token 2 after 100 ms; then a 5 s stall; token 4 after 100 ms.
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 5000 });
    clock.advance(100);
    await vi.waitFor(() => expect(received).toHaveLength(2), { timeout: 5000 });
    clock.advance(4999);
    expect(received).toHaveLength(2);
    clock.advance(1);
    await vi.waitFor(() => expect(received).toHaveLength(3), { timeout: 5000 });
    clock.advance(100);
    await done;
    expect(received).toHaveLength(4);
  });

  it('faults fire only inside their scheduled windows', async () => {
    const clock = createManualClock();
    const simulator = await startForTest({
      clock,
      defaultModel: {
        faults: [{ type: 'server-error', status: 503, windows: [{ startMs: 1000, endMs: 2000 }] }],
      },
    });
    const client = openAIClient(simulator);
    await client.chat.completions.create({ model: 'm', messages });
    clock.advance(1000);
    expect(await failure(client.chat.completions.create({ model: 'm', messages }))).toBeInstanceOf(
      OpenAI.APIError,
    );
    clock.advance(1000);
    await client.chat.completions.create({ model: 'm', messages });
    expect(simulator.stats().byStatus).toEqual({ '200': 2, '503': 1 });
  });
});

describe('faults seen by the AI SDK', () => {
  it('generateText gets an APICallError with status, headers and isRetryable', async () => {
    const simulator = await startForTest({
      defaultModel: { faults: [{ type: 'rate-limit', retryAfterMs: 1000 }] },
    });
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk' });
    const error = await failure(generateText({ model: openai('m'), prompt: 'Hi', maxRetries: 0 }));
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(429);
    expect(apiError.isRetryable).toBe(true);
    expect(apiError.responseHeaders?.['retry-after']).toBe('1');
  });

  it('streamText surfaces a dropped stream as an error', async () => {
    const simulator = await startForTest({
      defaultModel: { faults: [{ type: 'drop', afterTokens: 2 }] },
    });
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk' });
    const result = streamText({
      model: openai('m'),
      prompt: 'Hi',
      maxRetries: 0,
      onError: () => {},
    });
    const parts: string[] = [];
    const error = await failure(
      (async () => {
        for await (const part of result.fullStream) parts.push(part.type);
      })(),
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(parts.filter((type) => type === 'text-delta')).toHaveLength(2);
    expect(parts).not.toContain('finish');
  });
});
