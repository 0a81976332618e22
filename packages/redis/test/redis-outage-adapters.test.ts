import { createManualClock } from '@resilient-llm/simulator';
import { cachedLanguageModel, cachedOpenAI } from '@resilient-llm/test-utils/cached-clients';
import { observedStore } from '@resilient-llm/test-utils/observed-store';
import { testEpochMs } from '@resilient-llm/test-utils/test-epoch';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { generateText } from 'ai';
import { expect, it, vi } from 'vitest';
import { createRedisClient } from '../src/create-redis-client';
import { RedisCacheStore } from '../src/redis-cache-store';
import { describeWithRedis } from './describe-with-redis';

// Each block starts its own redis-server, so killing or freezing it harms no other test. The
// clients come from createRedisClient (no offline queue); the caches have their defaults
// (store timeout 100 ms, breaker open after 3 failures in a row, 5 s cool-down).

type Clock = ReturnType<typeof createManualClock>;
type Store = ReturnType<typeof observedStore>['store'];

/** One cached client per adapter: `ask` sends a prompt and resolves with the answer's text. */
const adapters = {
  createResilientOpenAI(baseURL: string, store: Store, clock: Clock) {
    const { openai, cache } = cachedOpenAI(baseURL, store, { clock });
    const ask = async (prompt: string) => {
      const messages = [{ role: 'user' as const, content: prompt }];
      const completion = await openai.chat.completions.create({ model: 'gpt-sim', messages });
      return completion.choices[0]?.message.content;
    };
    return { cache, ask };
  },
  'createResilientModel of the AI SDK adapter'(baseURL: string, store: Store, clock: Clock) {
    const { model, cache } = cachedLanguageModel(baseURL, store, 'chat completions', { clock });
    const ask = async (prompt: string) => (await generateText({ model, prompt })).text;
    return { cache, ask };
  },
};

for (const [name, cachedClient] of Object.entries(adapters)) {
  describeWithRedis(`${name} with a Redis cache, redis-server killed with kill -9`, (server) => {
    const startSimulator = useSimulator();

    it('answers every call from upstream; once the breaker opens no call reaches Redis', async () => {
      const { simulator } = await startSimulator();
      const client = createRedisClient({ url: server().url });
      const { store, calls } = observedStore(new RedisCacheStore({ client, keyPrefix: 'kill:' }));
      const { cache, ask } = cachedClient(simulator.baseURL, store, createManualClock(testEpochMs));
      const states: string[] = [];
      let callsWhenOpened = { ...calls };
      cache.on('cache-store-breaker', ({ state }) => {
        states.push(state);
        callsWhenOpened = { ...calls };
      });
      try {
        await vi.waitFor(() => expect(client.isReady).toBe(true));
        const answer = await ask('one');
        await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
        expect(await ask('one')).toBe(answer);
        expect(simulator.stats().requests).toBe(1); // a hit

        process.kill(server().pid, 'SIGKILL');
        await vi.waitFor(() => expect(client.isReady).toBe(false));
        // Every call answered from upstream, the one stored in Redis too.
        for (const prompt of ['two', 'three', 'four', 'five', 'one'])
          expect(await ask(prompt)).toEqual(expect.any(String));

        expect(states).toEqual(['open']);
        expect(calls).toEqual(callsWhenOpened);
        expect(cache.stats().storeSkipped).toBeGreaterThanOrEqual(4);
        expect(simulator.stats().requests).toBe(6);
      } finally {
        client.destroy();
      }
    });
  });

  describeWithRedis(`${name} with a Redis cache, redis-server frozen`, (server) => {
    const startSimulator = useSimulator();

    it('answers every call; once the breaker opens no call waits for the store timeout', async () => {
      const { simulator } = await startSimulator();
      const clock = createManualClock(testEpochMs);
      const client = createRedisClient({ url: server().url });
      const { store, calls } = observedStore(new RedisCacheStore({ client, keyPrefix: 'frozen:' }));
      const { cache, ask } = cachedClient(simulator.baseURL, store, clock);
      const states: string[] = [];
      cache.on('cache-store-breaker', ({ state }) => states.push(state));
      try {
        await vi.waitFor(() => expect(client.isReady).toBe(true));
        await ask('one');
        await vi.waitFor(() => expect(cache.stats().writes).toBe(1));

        server().freeze();
        // Reads and writes now hang: each gives way after the store timeout (100 ms) on the clock.
        const two = ask('two');
        await vi.waitFor(() => expect(calls.get).toBe(2));
        clock.advance(100);
        await expect(two).resolves.toEqual(expect.any(String));
        await vi.waitFor(() => expect(calls.set).toBe(2));
        const three = ask('three');
        await vi.waitFor(() => expect(calls.get).toBe(3));
        clock.advance(100); // the write of `two` and the read of `three` time out: open
        await expect(three).resolves.toEqual(expect.any(String));
        expect(states).toEqual(['open']);

        // The clock stands still: these calls finish only because they skip the store.
        for (const prompt of ['four', 'one'])
          await expect(ask(prompt)).resolves.toEqual(expect.any(String));
        expect(calls).toMatchObject({ get: 3, set: 2 });
        expect(cache.stats().storeSkipped).toBe(5);
        expect(simulator.stats().requests).toBe(5);
      } finally {
        server().thaw();
        client.destroy();
      }
    });
  });
}
