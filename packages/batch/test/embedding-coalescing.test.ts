import { createOpenAI } from '@ai-sdk/openai';
import { createResilientEmbeddingModel } from '@resilient-llm/ai-sdk';
import { AbortedError } from '@resilient-llm/core';
import { createResilientOpenAI } from '@resilient-llm/openai';
import { driveClock } from '@resilient-llm/simulator';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { embed } from 'ai';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createAiSdkEmbeddingSender } from '../src/ai-sdk';
import { createEmbeddingCoalescer } from '../src/index';
import { createOpenAIEmbeddingSender } from '../src/openai';
import { prompts } from './reference-answers';

describe('embedding coalescing', () => {
  const start = useSimulator();

  it('embeds 100 concurrent texts through the resilient OpenAI client in ceil(100 / 32) requests', async () => {
    const { simulator, clock } = await start();
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batch' });
    const coalescer = createEmbeddingCoalescer({
      send: createOpenAIEmbeddingSender({
        client: createResilientOpenAI({ targets: [{ client }], clock }),
        model: 'embed-sim',
      }),
      maxBatchSize: 32,
      clock,
    });
    const texts = prompts(100, 'text');

    const vectors = await driveClock(
      clock,
      Promise.all(texts.map((text) => coalescer.embed(text))),
    );

    expect(simulator.stats().byKey['sk-batch']?.requests).toBe(4);
    const reference = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-reference' });
    const unbatched = await Promise.all(
      texts.map(async (text) => {
        const response = await reference.embeddings.create({ model: 'embed-sim', input: text });
        return response.data[0]!.embedding;
      }),
    );
    expect(vectors).toEqual(unbatched);
  });

  it('embeds 100 concurrent texts through the resilient AI SDK embedding model', async () => {
    const { simulator, clock } = await start();
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batch' });
    const model = createResilientEmbeddingModel({
      models: [openai.embedding('embed-sim')],
      clock,
    });
    const coalescer = createEmbeddingCoalescer({
      send: createAiSdkEmbeddingSender({ model }),
      maxBatchSize: 25,
      clock,
    });
    const texts = prompts(100, 'text');

    const vectors = await driveClock(
      clock,
      Promise.all(texts.map((text) => coalescer.embed(text))),
    );

    expect(simulator.stats().byKey['sk-batch']?.requests).toBe(4);
    const plain = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-reference' });
    const unbatched = await Promise.all(
      texts.map(
        async (text) =>
          (await embed({ model: plain.embedding('embed-sim'), value: text })).embedding,
      ),
    );
    expect(vectors).toEqual(unbatched);
  });

  it('collects a window on the clock, drops an aborted caller, and fails every caller of a failed batch', async () => {
    const { simulator, clock } = await start({
      down: { faults: [{ type: 'server-error', status: 500 }] },
    });
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batch', maxRetries: 0 });
    const working = createEmbeddingCoalescer({
      send: createOpenAIEmbeddingSender({ client, model: 'embed-sim' }),
      maxWaitMs: 20,
      clock,
    });
    const controller = new AbortController();
    const first = working.embed('one');
    const aborted = working.embed('two', { signal: controller.signal });
    const third = working.embed('three');
    controller.abort();
    await expect(aborted).rejects.toSatisfy(AbortedError.isInstance);
    expect(simulator.stats().requests).toBe(0);

    const [one, three] = await driveClock(clock, Promise.all([first, third]));
    expect(simulator.stats().requests).toBe(1);
    expect(one).toHaveLength(256);
    expect(three).not.toEqual(one);

    const failing = createEmbeddingCoalescer({
      send: createOpenAIEmbeddingSender({ client, model: 'down' }),
      clock,
    });
    const results = await driveClock(
      clock,
      Promise.allSettled(['a', 'b', 'c'].map((text) => failing.embed(text))),
    );
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(simulator.stats().requests).toBe(2);
  });
});
