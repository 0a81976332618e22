import { getProvenance, withCallOptions } from '@resilient-llm/openai';
import { createManualClock } from '@resilient-llm/simulator';
import { cachedOpenAI } from '@resilient-llm/test-utils/cached-clients';
import { collect } from '@resilient-llm/test-utils/scripted-binding';
import { testEpochMs } from '@resilient-llm/test-utils/test-epoch';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { describe, expect, it, vi } from 'vitest';
import type { CacheControl } from '../src/stage/cache-control';
import { MemoryCacheStore } from '../src/store/memory-cache-store';

const body = {
  model: 'gpt-sim',
  messages: [{ role: 'user' as const, content: 'What does a circuit breaker do?' }],
};

/** The SDK's per-request options that carry `control` to the cache, as the README shows. */
function cacheRequestOptions(control: CacheControl) {
  return withCallOptions({ cache: control });
}

describe('per-call cache control through createResilientOpenAI, against the simulator', () => {
  const startSimulator = useSimulator();

  it('skips the cache for a call whose cache option says skip: no read, no write', async () => {
    const { simulator } = await startSimulator();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore());

    const first = await openai.chat.completions.create(body);
    const skipped = await openai.chat.completions.create(body, cacheRequestOptions({ skip: true }));
    expect(simulator.stats().requests).toBe(2);
    expect(getProvenance(skipped)).toMatchObject({ targetId: 'primary', attempts: 1 });
    const again = await openai.chat.completions.create(body);

    expect(simulator.stats().requests).toBe(2);
    expect(again).toEqual(first);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, bypassed: 1, writes: 1 });
  });

  it('skips the cache for a stream whose cache option says skip', async () => {
    const { simulator } = await startSimulator();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore());
    const streaming = { ...body, stream: true as const };

    await collect(
      await openai.chat.completions.create(streaming, cacheRequestOptions({ skip: true })),
    );
    await collect(
      await openai.chat.completions.create(streaming, cacheRequestOptions({ skip: true })),
    );

    expect(simulator.stats().requests).toBe(2);
    expect(cache.stats()).toMatchObject({ bypassed: 2, writes: 0 });
  });

  it('skips the cache for Responses API and embeddings calls whose cache option says skip', async () => {
    const { simulator } = await startSimulator();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore());
    const skip = cacheRequestOptions({ skip: true });
    const embeddingsBody = { model: 'text-embedding-sim', input: ['first text'] };

    await openai.responses.create({ model: 'gpt-sim', input: 'Hi' }, skip);
    await openai.responses.create({ model: 'gpt-sim', input: 'Hi' }, skip);
    await openai.embeddings.create(embeddingsBody, skip);
    await openai.embeddings.create(embeddingsBody, skip);

    expect(simulator.stats().requests).toBe(4);
    expect(cache.stats()).toMatchObject({ bypassed: 4, writes: 0 });
  });

  it('goes upstream for a call whose cache option says refresh, and stores its answer', async () => {
    const { simulator } = await startSimulator();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore());

    const first = await openai.chat.completions.create(body);
    const refreshed = await openai.chat.completions.create(
      body,
      cacheRequestOptions({ refresh: true }),
    );
    expect(simulator.stats().requests).toBe(2);
    await vi.waitFor(() => expect(cache.stats().writes).toBe(2));
    const again = await openai.chat.completions.create(body);

    expect(simulator.stats().requests).toBe(2);
    expect(refreshed.id).not.toBe(first.id);
    expect(again).toEqual(refreshed);
    expect(getProvenance(again)).toMatchObject({ targetId: 'cache', attempts: 0 });
  });

  it('keeps an answer for the ttlMs its call set, under the key of the call without the option', async () => {
    const clock = createManualClock(testEpochMs);
    const { simulator } = await startSimulator();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore(), { clock });

    const first = await openai.chat.completions.create(body, cacheRequestOptions({ ttlMs: 1_000 }));
    await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
    clock.advance(999);
    const fresh = await openai.chat.completions.create(body);
    expect(simulator.stats().requests).toBe(1);
    expect(fresh).toEqual(first);
    clock.advance(1);
    await openai.chat.completions.create(body);

    expect(simulator.stats().requests).toBe(2);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2 });
  });

  it('serves a stale answer within the staleWhileRevalidateMs its call set, refreshed in the background', async () => {
    const clock = createManualClock(testEpochMs);
    const { simulator } = await startSimulator();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore(), { clock });
    const control = cacheRequestOptions({ ttlMs: 1_000, staleWhileRevalidateMs: 60_000 });

    const first = await openai.chat.completions.create(body, control);
    await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
    clock.advance(30_000);
    const stale = await openai.chat.completions.create(body, control);

    expect(stale).toEqual(first);
    expect(cache.stats()).toMatchObject({ hits: 1, staleHits: 1 });
    await vi.waitFor(() => expect(cache.stats().writes).toBe(2));
    expect(simulator.stats().requests).toBe(2);
    const revalidated = await openai.chat.completions.create(body, control);

    expect(simulator.stats().requests).toBe(2);
    expect(revalidated.id).not.toBe(first.id);
    expect(cache.stats()).toMatchObject({ hits: 2, staleHits: 1 });
  });
});
