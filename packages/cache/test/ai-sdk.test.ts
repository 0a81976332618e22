import { aiSdkApis, cachedLanguageModel } from '@resilient-llm/test-utils/cached-clients';
import { collect } from '@resilient-llm/test-utils/scripted-binding';
import { testEpochMs } from '@resilient-llm/test-utils/test-epoch';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { generateText, streamText } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { MemoryCacheStore } from '../src/store/memory-cache-store';

const prompt = 'What does a circuit breaker do?';

/** A `fullStream` part without what differs between two reads: timings and provenance. */
function withoutRunDetails(part: object): object {
  const { performance: _timings, providerMetadata, ...rest } = part as Record<string, unknown>;
  const { resilientLlm: _provenance, ...provider } = (providerMetadata ?? {}) as object as Record<
    string,
    unknown
  >;
  return providerMetadata === undefined ? rest : { ...rest, providerMetadata: provider };
}

describe.each(aiSdkApis)('the cache stage in the AI SDK adapter, %s API', (api) => {
  // Answers carry a real `created` time, so that a replay can be seen to keep it.
  const startSimulator = useSimulator({ startMs: testEpochMs });

  it('answers a repeated generateText without a request', async () => {
    const { simulator } = await startSimulator();
    const { model, cache } = cachedLanguageModel(simulator.baseURL, new MemoryCacheStore(), api);

    const first = await generateText({ model, prompt });
    expect(simulator.stats().requests).toBe(1);
    const second = await generateText({ model, prompt });

    expect(simulator.stats().requests).toBe(1);
    expect(second.text).toBe(first.text);
    expect(second.usage).toEqual(first.usage);
    expect(second.response.timestamp).toEqual(first.response.timestamp);
    expect(second.response.timestamp).toBeInstanceOf(Date);
    expect(second.providerMetadata?.resilientLlm).toEqual({
      targetId: 'cache',
      targetIndex: -1,
      attempts: 0,
    });
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it('reports its hits through the model’s on, with the pipeline’s own events', async () => {
    const { simulator } = await startSimulator();
    const { model } = cachedLanguageModel(simulator.baseURL, new MemoryCacheStore(), api);
    const types: string[] = [];
    for (const type of ['cache-miss', 'cache-hit', 'call-success'] as const)
      model.on(type, (event) => types.push(event.type));

    await generateText({ model, prompt });
    await generateText({ model, prompt });

    expect(types).toEqual(['cache-miss', 'call-success', 'cache-hit', 'call-success']);
  });

  it('sends 50 concurrent identical generateText calls to the simulator once', async () => {
    const { simulator } = await startSimulator();
    const { model, cache } = cachedLanguageModel(simulator.baseURL, new MemoryCacheStore(), api);

    const results = await Promise.all(
      Array.from({ length: 50 }, () => generateText({ model, prompt })),
    );

    expect(simulator.stats().requests).toBe(1);
    expect(cache.stats()).toMatchObject({ misses: 1, shared: 49 });
    expect(new Set(results.map((result) => result.text)).size).toBe(1);
  });

  it('replays a streamText stream part for part, without a request', async () => {
    const { simulator } = await startSimulator();
    const { model, cache } = cachedLanguageModel(simulator.baseURL, new MemoryCacheStore(), api);

    const first = streamText({ model, prompt });
    const recorded = await collect(first.fullStream);
    await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
    const second = streamText({ model, prompt });
    const replayed = await collect(second.fullStream);

    expect(simulator.stats().requests).toBe(1);
    expect(recorded.filter((part) => part.type === 'text-delta').length).toBeGreaterThan(1);
    expect(replayed.map(withoutRunDetails)).toEqual(recorded.map(withoutRunDetails));
    expect(await second.text).toBe(await first.text);
    expect((await second.providerMetadata)?.resilientLlm).toEqual({
      targetId: 'cache',
      targetIndex: -1,
      attempts: 0,
    });
  });
});
