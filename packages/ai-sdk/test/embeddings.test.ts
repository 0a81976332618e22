import { createOpenAI } from '@ai-sdk/openai';
import { AllTargetsFailedError } from '@resilient-llm/core';
import { driveClock } from '@resilient-llm/simulator';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { embed, embedMany, wrapEmbeddingModel } from 'ai';
import { MockEmbeddingModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { createResilientEmbeddingMiddleware, createResilientEmbeddingModel } from '../src/index';
import { requestsTo } from './simulated-openai';

describe('resilient embedding models', () => {
  const start = useSimulator();

  it('moves to another account of the same model when one account’s limit is spent', async () => {
    const { simulator, clock } = await start({
      embed: { rateLimit: { requestsPerWindow: 1, windowMs: 60_000 } },
    });
    const account = (apiKey: string) =>
      createOpenAI({ baseURL: simulator.baseURL, apiKey }).embedding('embed');
    const model = createResilientEmbeddingModel({
      models: [
        { model: account('sk-first'), id: 'first' },
        { model: account('sk-second'), id: 'second' },
      ],
      retry: { jitter: 'none', initialDelayMs: 100 },
      clock,
    });

    const first = await driveClock(clock, embed({ model, value: 'sunny day' }));
    const second = await driveClock(clock, embed({ model, value: 'sunny day' }));

    expect(first.providerMetadata?.resilientLlm).toMatchObject({ targetId: 'first' });
    expect(second.providerMetadata?.resilientLlm).toMatchObject({ targetId: 'second' });
    // Same model, so the same vector from either account.
    expect(second.embedding).toEqual(first.embedding);
    expect(simulator.stats().byKey['sk-first']?.requests).toBeLessThanOrEqual(2);
  });

  it('falls over on an outage and is never retried again by embedMany', async () => {
    const { simulator, clock } = await start({
      down: { faults: [{ type: 'server-error', status: 503 }] },
      up: {},
    });
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test' });
    const model = createResilientEmbeddingModel({
      models: [openai.embedding('down'), openai.embedding('up')],
      retry: { maxAttempts: 2, jitter: 'none', initialDelayMs: 100 },
      clock,
    });

    const result = await driveClock(clock, embedMany({ model, values: ['a', 'b', 'c'] }));
    expect(result.embeddings).toHaveLength(3);
    expect(requestsTo(simulator, 'down')).toBe(2);

    const failing = createResilientEmbeddingModel({
      models: [openai.embedding('down')],
      retry: { maxAttempts: 2, jitter: 'none', initialDelayMs: 100 },
      clock,
    });
    simulator.resetStats();
    const error = await driveClock(clock, embed({ model: failing, value: 'a' })).catch(
      (caught: unknown) => caught,
    );
    expect(AllTargetsFailedError.isInstance(error)).toBe(true);
    expect(requestsTo(simulator, 'down')).toBe(2);
  });

  it('accepts the fewest values per call of the chain, and parallel calls only if all do', async () => {
    const model = createResilientEmbeddingModel({
      models: [
        new MockEmbeddingModelV4({ modelId: 'a', maxEmbeddingsPerCall: 100 }),
        new MockEmbeddingModelV4({
          modelId: 'b',
          maxEmbeddingsPerCall: 16,
          supportsParallelCalls: false,
        }),
      ],
    });
    expect(await model.maxEmbeddingsPerCall).toBe(16);
    expect(await model.supportsParallelCalls).toBe(false);
  });

  it('guards one embedding model through wrapEmbeddingModel', async () => {
    const { simulator, clock } = await start({
      flaky: {
        faults: [{ type: 'server-error', status: 500, windows: [{ startMs: 0, endMs: 50 }] }],
      },
    });
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test' });
    const model = wrapEmbeddingModel({
      model: openai.embedding('flaky'),
      middleware: createResilientEmbeddingMiddleware({
        retry: { jitter: 'none', initialDelayMs: 100 },
        clock,
      }),
    });

    const result = await driveClock(clock, embed({ model, value: 'hello' }));

    expect(result.embedding.length).toBeGreaterThan(0);
    expect(result.providerMetadata?.resilientLlm).toMatchObject({ attempts: 2 });
    expect(simulator.stats().byModel.flaky?.byStatus).toEqual({ '200': 1, '500': 1 });
  });
});
