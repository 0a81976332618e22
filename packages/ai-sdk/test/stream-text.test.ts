import { StreamInterruptedError } from '@resilient-llm/core';
import { driveClock, waitForCondition, yieldToIo } from '@resilient-llm/simulator';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createResilientModel } from '../src/index';
import { openAiApis, requestsTo, simulatedModels } from './simulated-openai';

type FullStreamPart = { type: string; text?: string; error?: unknown };

async function collect(stream: AsyncIterable<FullStreamPart>): Promise<FullStreamPart[]> {
  const parts: FullStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

function textOf(parts: FullStreamPart[]): string {
  return parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
}

describe.each(openAiApis)('streamText over the $api API', ({ api, provider }) => {
  const start = useSimulator();

  it('falls over when the first token is too slow, with one clean answer', async () => {
    const { simulator, clock } = await start({
      slow: { latency: { firstTokenMedianMs: 10_000 } },
      fast: {},
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('slow'), model('fast')],
      retry: false,
      streamTimeouts: { firstContentTimeoutMs: 2_000 },
      clock,
    });

    const result = streamText({ model: resilient, prompt: 'Hello' });
    // Small steps: the fast model's own first-content timer is pending while it answers.
    const parts = await driveClock(clock, collect(result.fullStream), { stepMs: 10 });

    expect(textOf(parts)).toBe(await result.text);
    expect((await result.response).modelId).toBe('fast');
    expect(parts.filter((part) => part.type === 'text-start')).toHaveLength(1);
    expect(parts.some((part) => part.type === 'error')).toBe(false);
    expect((await result.providerMetadata)?.resilientLlm).toEqual({
      targetId: `${provider}:fast`,
      targetIndex: 1,
      attempts: 2,
    });
    // The slow attempt was given up after the limit, on the shared clock.
    expect(clock.now()).toBeGreaterThanOrEqual(2_000);
    expect(clock.now()).toBeLessThan(10_000);
  });

  it('falls over invisibly when the stream is cut before its first content', async () => {
    const { simulator, clock } = await start({
      cut: { faults: [{ type: 'drop', afterTokens: 0 }] },
      steady: {},
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('cut'), model('steady')],
      retry: false,
      clock,
    });

    const result = streamText({ model: resilient, prompt: 'Hello' });
    const parts = await driveClock(clock, collect(result.fullStream));

    expect(parts.some((part) => part.type === 'error')).toBe(false);
    expect(parts.filter((part) => part.type === 'start-step')).toHaveLength(1);
    expect(textOf(parts)).toBe(await result.text);
    expect(await result.finishReason).toBe('stop');
    expect(requestsTo(simulator, 'cut')).toBe(1);
    expect((await result.providerMetadata)?.resilientLlm).toMatchObject({ targetIndex: 1 });
  });

  it('falls over invisibly from a malformed chunk before the first content', async () => {
    const { simulator, clock } = await start({
      garbled: { faults: [{ type: 'malformed-chunk', afterTokens: 0 }] },
      steady: {},
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('garbled'), model('steady')],
      retry: false,
      clock,
    });

    const result = streamText({ model: resilient, prompt: 'Hello' });
    const parts = await driveClock(clock, collect(result.fullStream));

    expect(parts.some((part) => part.type === 'error')).toBe(false);
    expect((await result.providerMetadata)?.resilientLlm).toMatchObject({
      targetId: `${provider}:steady`,
    });
    expect(simulator.stats().faults['malformed-chunk']).toBe(1);
    await waitForCondition(() => simulator.stats().inFlight === 0);
  });

  it('reports a cut after the first content as StreamInterruptedError, never appending another answer', async () => {
    const { simulator, clock } = await start({
      cut: { faults: [{ type: 'drop', afterTokens: 3 }] },
      backup: {},
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('cut'), model('backup')],
      retry: false,
      clock,
    });
    const errors: unknown[] = [];

    const result = streamText({
      model: resilient,
      prompt: 'Hello',
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const parts = await driveClock(clock, collect(result.fullStream));

    expect(errors).toHaveLength(1);
    const error = errors[0] as StreamInterruptedError;
    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    expect(error.targetId).toBe(`${provider}:cut`);
    expect(error.failure.kind).toBe('network');
    const partialText = error.partialParts
      .map((part) => part as { type: string; delta?: string })
      .filter((part) => part.type === 'text-delta')
      .map((part) => part.delta)
      .join('');
    expect(partialText).toBe(textOf(parts));
    expect(partialText.split(' ').filter(Boolean)).toHaveLength(3);
    expect(parts.map((part) => part.type)).toContain('error');
    expect(await result.finishReason).toBe('error');
    expect(requestsTo(simulator, 'backup')).toBe(0);
  });

  it('interrupts a committed stream that stalls longer than the idle limit', async () => {
    const { simulator, clock } = await start({
      stalling: { faults: [{ type: 'stall', afterTokens: 2, durationMs: 60_000 }] },
      backup: {},
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('stalling'), model('backup')],
      retry: false,
      streamTimeouts: { idleTimeoutMs: 3_000 },
      clock,
    });
    const errors: unknown[] = [];

    const result = streamText({
      model: resilient,
      prompt: 'Hello',
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    const parts = await driveClock(clock, collect(result.fullStream), { stepMs: 10 });

    expect((errors[0] as StreamInterruptedError).failure).toMatchObject({
      kind: 'timeout',
      phase: 'idle',
    });
    expect(textOf(parts).split(' ').filter(Boolean)).toHaveLength(2);
    expect(requestsTo(simulator, 'backup')).toBe(0);
    await waitForCondition(() => simulator.stats().inFlight === 0);
  });

  it('stops the request when the caller aborts mid-stream', async () => {
    const { simulator, clock } = await start({
      stalled: { faults: [{ type: 'stall', afterTokens: 2, durationMs: 600_000 }] },
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({ models: [model('stalled')], retry: false, clock });
    const controller = new AbortController();

    const result = streamText({
      model: resilient,
      prompt: 'Hello',
      abortSignal: controller.signal,
    });
    const collecting = collect(result.fullStream).catch((caught: unknown) => caught);
    await waitForCondition(() => simulator.stats().inFlight === 1);
    await yieldToIo();
    controller.abort();
    const outcome = await collecting;

    await waitForCondition(() => simulator.stats().inFlight === 0);
    const parts = outcome as FullStreamPart[];
    expect(parts.at(-1)?.type).toBe('abort');
    expect(parts.some((part) => part.type === 'error')).toBe(false);
    expect(textOf(parts).split(' ').filter(Boolean)).toHaveLength(2);
    expect(requestsTo(simulator, 'stalled')).toBe(1);
  });

  it('never multiplies attempts of a stream: the SDK does not retry what the pipeline gave up on', async () => {
    const { simulator, clock } = await start({
      primary: { faults: [{ type: 'server-error', status: 503 }] },
      backup: { faults: [{ type: 'overloaded' }] },
    });
    const model = simulatedModels(simulator, api);
    const resilient = createResilientModel({
      models: [model('primary'), model('backup')],
      retry: { maxAttempts: 2, jitter: 'none', initialDelayMs: 100 },
      clock,
    });
    const errors: unknown[] = [];

    const result = streamText({
      model: resilient,
      prompt: 'Hello',
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    await driveClock(clock, collect(result.fullStream));

    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).name).toBe('AllTargetsFailedError');
    expect(simulator.stats().requests).toBe(4);
  });
});
