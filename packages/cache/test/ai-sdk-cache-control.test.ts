import { createManualClock } from '@resilient-llm/simulator';
import { aiSdkApis, cachedLanguageModel } from '@resilient-llm/test-utils/cached-clients';
import { testEpochMs } from '@resilient-llm/test-utils/test-epoch';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { generateText, streamText } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import type { CacheControl } from '../src/stage/cache-control';
import { MemoryCacheStore } from '../src/store/memory-cache-store';

const prompt = 'What does a circuit breaker do?';

/** The `providerOptions` that carry `control` to the cache, as the README shows. */
function cacheProviderOptions(control: CacheControl) {
  // A copy: provider options are JSON objects, and an interface has no index signature.
  return { resilientLlm: { cache: { ...control } } };
}

describe.each(aiSdkApis)('per-call cache control through the AI SDK adapter, %s API', (api) => {
  const startSimulator = useSimulator();

  it('skips the cache for a call that says skip: no read, no write', async () => {
    const { simulator } = await startSimulator();
    const { model, cache } = cachedLanguageModel(simulator.baseURL, new MemoryCacheStore(), api);

    const first = await generateText({ model, prompt });
    const skipped = await generateText({
      model,
      prompt,
      providerOptions: cacheProviderOptions({ skip: true }),
    });
    expect(simulator.stats().requests).toBe(2);
    expect(skipped.providerMetadata?.resilientLlm).toMatchObject({ targetId: 'primary' });
    const again = await generateText({ model, prompt });

    expect(simulator.stats().requests).toBe(2);
    expect(again.response.id).toBe(first.response.id);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, bypassed: 1, writes: 1 });
  });

  it('skips the cache for a streamText call that says skip', async () => {
    const { simulator } = await startSimulator();
    const { model, cache } = cachedLanguageModel(simulator.baseURL, new MemoryCacheStore(), api);
    const providerOptions = cacheProviderOptions({ skip: true });

    await streamText({ model, prompt, providerOptions }).consumeStream();
    await streamText({ model, prompt, providerOptions }).consumeStream();

    expect(simulator.stats().requests).toBe(2);
    expect(cache.stats()).toMatchObject({ bypassed: 2, writes: 0 });
  });

  it('goes upstream for a call that says refresh, and stores its answer', async () => {
    const { simulator } = await startSimulator();
    const { model, cache } = cachedLanguageModel(simulator.baseURL, new MemoryCacheStore(), api);

    const first = await generateText({ model, prompt });
    const refreshed = await generateText({
      model,
      prompt,
      providerOptions: { resilientLlm: { cache: { refresh: true } } },
    });
    expect(simulator.stats().requests).toBe(2);
    await vi.waitFor(() => expect(cache.stats().writes).toBe(2));
    const again = await generateText({ model, prompt });

    expect(simulator.stats().requests).toBe(2);
    expect(refreshed.response.id).not.toBe(first.response.id);
    expect(again.response.id).toBe(refreshed.response.id);
    expect(again.providerMetadata?.resilientLlm).toMatchObject({ targetId: 'cache' });
  });

  it('keeps an answer for the ttlMs its call set, under the key of the call without it', async () => {
    const clock = createManualClock(testEpochMs);
    const { simulator } = await startSimulator();
    const { model, cache } = cachedLanguageModel(simulator.baseURL, new MemoryCacheStore(), api, {
      clock,
    });

    const first = await generateText({
      model,
      prompt,
      providerOptions: cacheProviderOptions({ ttlMs: 1_000 }),
    });
    await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
    clock.advance(999);
    const fresh = await generateText({ model, prompt });
    expect(simulator.stats().requests).toBe(1);
    expect(fresh.response.id).toBe(first.response.id);
    clock.advance(1);
    await generateText({ model, prompt });

    expect(simulator.stats().requests).toBe(2);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2 });
  });

  it('serves a stale answer within the staleWhileRevalidateMs its call set, refreshed in the background', async () => {
    const clock = createManualClock(testEpochMs);
    const { simulator } = await startSimulator();
    const { model, cache } = cachedLanguageModel(simulator.baseURL, new MemoryCacheStore(), api, {
      clock,
    });
    const providerOptions = cacheProviderOptions({ ttlMs: 1_000, staleWhileRevalidateMs: 60_000 });

    const first = await generateText({ model, prompt, providerOptions });
    await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
    clock.advance(30_000);
    const stale = await generateText({ model, prompt, providerOptions });

    expect(stale.response.id).toBe(first.response.id);
    expect(cache.stats()).toMatchObject({ hits: 1, staleHits: 1 });
    await vi.waitFor(() => expect(cache.stats().writes).toBe(2));
    expect(simulator.stats().requests).toBe(2);
    const revalidated = await generateText({ model, prompt, providerOptions });

    expect(simulator.stats().requests).toBe(2);
    expect(revalidated.response.id).not.toBe(first.response.id);
    expect(cache.stats()).toMatchObject({ hits: 2, staleHits: 1 });
  });

  it('keys apart calls whose other provider options differ', async () => {
    const { simulator } = await startSimulator();
    const { model } = cachedLanguageModel(simulator.baseURL, new MemoryCacheStore(), api);

    await generateText({ model, prompt, providerOptions: cacheProviderOptions({ ttlMs: 60_000 }) });
    await generateText({
      model,
      prompt,
      providerOptions: { ...cacheProviderOptions({ ttlMs: 60_000 }), openai: { user: 'alice' } },
    });

    expect(simulator.stats().requests).toBe(2);
  });
});
