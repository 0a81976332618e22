import { getProvenance } from '@resilient-llm/openai';
import { generateText } from 'ai';
import { expect, it, vi } from 'vitest';
import { cachedLanguageModel, cachedOpenAI, useSimulator } from '../../cache/test/cached-clients';
import { manualClock } from '../../cache/test/manual-clock';
import { observedStore } from '../../cache/test/observed-store';
import { createRedisClient } from '../src/create-redis-client';
import { RedisCacheStore } from '../src/redis-cache-store';
import { describeWithRedis } from './describe-with-redis';

// Each block starts its own redis-server, so killing or freezing it harms no other test. The
// clients come from createRedisClient (no offline queue); the caches have their defaults
// (store timeout 100 ms, breaker open after 3 failures in a row, 5 s cool-down).

type Clock = ReturnType<typeof manualClock>;
type Store = ReturnType<typeof observedStore>['store'];

/** One cached client per adapter: `ask` sends a prompt and says which target answered. */
const adapters = {
  createResilientOpenAI(baseURL: string, store: Store, clock: Clock) {
    const { openai, cache } = cachedOpenAI(baseURL, store, { clock });
    const ask = async (prompt: string) => {
      const messages = [{ role: 'user' as const, content: prompt }];
      return getProvenance(await openai.chat.completions.create({ model: 'gpt-sim', messages }))
        ?.targetId;
    };
    return { cache, ask };
  },
  'createResilientModel of the AI SDK adapter'(baseURL: string, store: Store, clock: Clock) {
    const { model, cache } = cachedLanguageModel(baseURL, store, 'chat completions', { clock });
    const ask = async (prompt: string) =>
      (await generateText({ model, prompt })).providerMetadata?.resilientLlm?.targetId;
    return { cache, ask };
  },
};

for (const [name, cachedClient] of Object.entries(adapters)) {
  describeWithRedis(`${name} with a Redis cache, redis-server killed with kill -9`, (server) => {
    const startSimulator = useSimulator();

    it('answers every call from upstream; once the breaker opens no call reaches Redis', async () => {
      const simulator = await startSimulator();
      const client = createRedisClient({ url: server().url });
      const { store, calls } = observedStore(new RedisCacheStore({ client, keyPrefix: 'kill:' }));
      const { cache, ask } = cachedClient(simulator.baseURL, store, manualClock());
      const states: string[] = [];
      let callsWhenOpened = { ...calls };
      cache.on('store-breaker', ({ state }) => {
        states.push(state);
        callsWhenOpened = { ...calls };
      });
      try {
        await vi.waitFor(() => expect(client.isReady).toBe(true));
        expect(await ask('one')).toBe('primary');
        await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
        expect(await ask('one')).toBe('cache');

        process.kill(server().pid, 'SIGKILL');
        await vi.waitFor(() => expect(client.isReady).toBe(false));
        for (const prompt of ['two', 'three', 'four', 'five', 'one'])
          expect(await ask(prompt)).toBe('primary');

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
      const simulator = await startSimulator();
      const clock = manualClock();
      const client = createRedisClient({ url: server().url });
      const { store, calls } = observedStore(new RedisCacheStore({ client, keyPrefix: 'frozen:' }));
      const { cache, ask } = cachedClient(simulator.baseURL, store, clock);
      const states: string[] = [];
      cache.on('store-breaker', ({ state }) => states.push(state));
      try {
        await vi.waitFor(() => expect(client.isReady).toBe(true));
        expect(await ask('one')).toBe('primary');
        await vi.waitFor(() => expect(cache.stats().writes).toBe(1));

        server().freeze();
        // Reads and writes now hang: each gives way after the store timeout (100 ms) on the clock.
        const two = ask('two');
        await vi.waitFor(() => expect(calls.get).toBe(2));
        clock.advance(100);
        expect(await two).toBe('primary');
        await vi.waitFor(() => expect(calls.set).toBe(2));
        const three = ask('three');
        await vi.waitFor(() => expect(calls.get).toBe(3));
        clock.advance(100); // the write of `two` and the read of `three` time out: open
        expect(await three).toBe('primary');
        expect(states).toEqual(['open']);

        // The clock stands still: these calls finish only because they skip the store.
        for (const prompt of ['four', 'one']) expect(await ask(prompt)).toBe('primary');
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
