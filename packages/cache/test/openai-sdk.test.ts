import { getProvenance } from '@resilient-llm/openai';
import { cachedOpenAI } from '@resilient-llm/test-utils/cached-clients';
import { collect } from '@resilient-llm/test-utils/scripted-binding';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { describe, expect, it, vi } from 'vitest';
import { MemoryCacheStore } from '../src/store/memory-cache-store';

const messages = [{ role: 'user' as const, content: 'What does a circuit breaker do?' }];

describe('the cache stage in createResilientOpenAI, against the simulator', () => {
  const startSimulator = useSimulator();

  it('answers a repeated chat completion without a request, as the SDK would', async () => {
    const { simulator } = await startSimulator();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore());

    const first = await openai.chat.completions.create({ model: 'gpt-sim', messages });
    expect(simulator.stats().requests).toBe(1);
    const { data, response } = await openai.chat.completions
      .create({ model: 'gpt-sim', messages })
      .withResponse();

    expect(simulator.stats().requests).toBe(1);
    expect(data).toEqual(first);
    expect(getProvenance(data)).toMatchObject({ targetId: 'cache', targetIndex: -1, attempts: 0 });
    // The HTTP response of the attempt that was cached: its status and headers.
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req_00000001');
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, writes: 1 });
  });

  it('reports its hits through the client’s on, with the pipeline’s own events', async () => {
    const { simulator } = await startSimulator();
    const { openai } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore());
    const types: string[] = [];
    for (const type of ['cache-miss', 'cache-hit', 'call-success'] as const)
      openai.on(type, (event) => types.push(event.type));

    await openai.chat.completions.create({ model: 'gpt-sim', messages });
    await openai.chat.completions.create({ model: 'gpt-sim', messages });

    expect(types).toEqual(['cache-miss', 'call-success', 'cache-hit', 'call-success']);
  });

  it('answers a repeated Responses API call without a request', async () => {
    const { simulator } = await startSimulator();
    const { openai } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore());

    const first = await openai.responses.create({ model: 'gpt-sim', input: 'Hi' });
    const second = await openai.responses.create({ model: 'gpt-sim', input: 'Hi' });

    expect(second).toEqual(first);
    expect(simulator.stats().requests).toBe(1);
  });

  it('answers a repeated embeddings call without a request', async () => {
    const { simulator } = await startSimulator();
    const { openai } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore());
    const body = { model: 'text-embedding-sim', input: ['first text', 'second text'] };

    const first = await openai.embeddings.create(body);
    const second = await openai.embeddings.create(body);

    expect(simulator.stats().requests).toBe(1);
    expect(second.data).toHaveLength(2);
    expect(second).toEqual(first);
  });

  it('sends 50 concurrent identical calls to the simulator once', async () => {
    const { simulator } = await startSimulator();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore());

    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        openai.chat.completions.create({ model: 'gpt-sim', messages }),
      ),
    );

    expect(simulator.stats().requests).toBe(1);
    expect(cache.stats()).toMatchObject({ misses: 1, shared: 49 });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers.filter((answer) => getProvenance(answer)?.attempts === 1)).toHaveLength(1);
  });

  it('sends 50 concurrent identical streams to the simulator once; each gets every chunk', async () => {
    const { simulator } = await startSimulator();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore());
    const body = { model: 'gpt-sim', messages, stream: true as const };

    const streams = await Promise.all(
      Array.from({ length: 50 }, async () => collect(await openai.chat.completions.create(body))),
    );

    expect(simulator.stats().requests).toBe(1);
    expect(cache.stats()).toMatchObject({ misses: 1, shared: 49 });
    for (const chunks of streams) expect(chunks).toEqual(streams[0]);
  });

  it('replays a chat stream chunk for chunk, without a request', async () => {
    const { simulator } = await startSimulator();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore());
    const body = { model: 'gpt-sim', messages, stream: true as const };

    const recorded = await collect(await openai.chat.completions.create(body));
    await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
    const replay = await openai.chat.completions.create(body);
    const replayed = await collect(replay);

    expect(simulator.stats().requests).toBe(1);
    expect(recorded.length).toBeGreaterThan(2);
    expect(replayed).toEqual(recorded);
    expect(getProvenance(replay)).toMatchObject({ targetId: 'cache', attempts: 0 });
  });

  it('replays a Responses API stream event for event, without a request', async () => {
    const { simulator } = await startSimulator();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore());
    const body = { model: 'gpt-sim', input: 'Tell me a story', stream: true as const };

    const recorded = await collect(await openai.responses.create(body));
    await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
    const replayed = await collect(await openai.responses.create(body));

    expect(simulator.stats().requests).toBe(1);
    expect(recorded.at(-1)?.type).toBe('response.completed');
    expect(replayed).toEqual(recorded);
  });
});
