import { generateText, streamText } from 'ai';
import { createClient } from 'redis';
import { expect, it, vi } from 'vitest';
import { cachedLanguageModel, cachedOpenAI, useSimulator } from '../../cache/test/cached-clients';
import { collect } from '../../cache/test/scripted-binding';
import { RedisCacheStore } from '../src/redis-cache-store';
import { describeWithRedis } from './describe-with-redis';

// Each block starts its own redis-server, so killing it harms no other test. Clients are
// made without an offline queue: with Redis gone, a read fails at once and the call goes
// upstream.

const messages = [{ role: 'user' as const, content: 'What does a circuit breaker do?' }];

async function connectedClient(url: string) {
  const client = createClient({ url, disableOfflineQueue: true });
  client.on('error', () => {});
  await client.connect();
  return client;
}

describeWithRedis(
  'createResilientOpenAI with a Redis cache, redis-server killed mid-run',
  (server) => {
    const startSimulator = useSimulator();

    it('keeps answering from upstream once Redis is gone', async () => {
      const simulator = await startSimulator();
      const client = await connectedClient(server().url);
      const store = new RedisCacheStore({ client, keyPrefix: 'openai-outage:' });
      const { openai, cache } = cachedOpenAI(simulator.baseURL, store);
      const failedOperations: string[] = [];
      cache.on('store-error', (event) => failedOperations.push(event.operation));
      try {
        const first = await openai.chat.completions.create({ model: 'gpt-sim', messages });
        await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
        await openai.chat.completions.create({ model: 'gpt-sim', messages });
        expect(simulator.stats().requests).toBe(1);

        await server().kill();
        await vi.waitFor(() => expect(client.isReady).toBe(false));

        const again = await openai.chat.completions.create({ model: 'gpt-sim', messages });
        expect(again.choices).toEqual(first.choices);
        const stream = await openai.chat.completions.create({
          model: 'gpt-sim',
          messages,
          stream: true,
        });
        expect((await collect(stream)).at(-1)?.choices[0]?.finish_reason).toBe('stop');
        expect(simulator.stats().requests).toBe(3);
        expect(cache.stats().hits).toBe(1);
        expect(failedOperations).toContain('get');
      } finally {
        client.destroy();
      }
    });
  },
);

describeWithRedis(
  'createResilientModel (AI SDK) with a Redis cache, redis-server killed mid-run',
  (server) => {
    const startSimulator = useSimulator();

    it('keeps answering from upstream once Redis is gone', async () => {
      const simulator = await startSimulator();
      const client = await connectedClient(server().url);
      const store = new RedisCacheStore({ client, keyPrefix: 'ai-sdk-outage:' });
      const { model, cache } = cachedLanguageModel(simulator.baseURL, store, 'chat completions');
      const failedOperations: string[] = [];
      cache.on('store-error', (event) => failedOperations.push(event.operation));
      const prompt = 'What does a circuit breaker do?';
      try {
        const first = await generateText({ model, prompt });
        await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
        const hit = await generateText({ model, prompt });
        expect(hit.providerMetadata?.resilientLlm?.targetId).toBe('cache');
        expect(simulator.stats().requests).toBe(1);

        await server().kill();
        await vi.waitFor(() => expect(client.isReady).toBe(false));

        const again = await generateText({ model, prompt });
        expect(again.text).toBe(first.text);
        expect(again.providerMetadata?.resilientLlm?.targetId).toBe('primary');
        const streamed = streamText({ model, prompt });
        expect(await streamed.text).toBe(first.text);
        expect(simulator.stats().requests).toBe(3);
        expect(failedOperations).toContain('get');
      } finally {
        client.destroy();
      }
    });
  },
);
