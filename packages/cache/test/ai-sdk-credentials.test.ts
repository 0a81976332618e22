import {
  aiSdkApis,
  type CachedClientOptions,
  cachedLanguageModel,
  requestsWith,
} from '@resilient-llm/test-utils/cached-clients';
import { observedStore } from '@resilient-llm/test-utils/observed-store';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { generateText, streamText } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { MemoryCacheStore } from '../src/store/memory-cache-store';

const canary = 'canary-prompt-5d1e';
const prompt = `Which tenant am I? ${canary}`;
const keyOfA = 'sk-tenant-a-1111';
const keyOfB = 'sk-tenant-b-2222';

/** Two models of `apiKeys` on one store: the first asks, its answer is stored, the second asks. */
async function askInTurn(
  baseURL: string,
  api: (typeof aiSdkApis)[number],
  apiKeys: readonly [string, string],
  cache?: CachedClientOptions['cache'],
) {
  const store = new MemoryCacheStore();
  const [first, second] = apiKeys.map((apiKey) =>
    cachedLanguageModel(baseURL, store, api, { apiKey, cache }),
  );
  const answerOfFirst = await generateText({ model: first!.model, prompt });
  await vi.waitFor(() => expect(first!.cache.stats().writes).toBe(1));
  const answerOfSecond = await generateText({ model: second!.model, prompt });
  return [answerOfFirst, answerOfSecond] as const;
}

describe.each(aiSdkApis)(
  'the AI SDK adapter with a cache shared across API keys, %s API',
  (api) => {
    const startSimulator = useSimulator();

    it('sends each API key to the provider: no model gets an answer paid for with another key', async () => {
      const { simulator } = await startSimulator();
      const [answerOfA, answerOfB] = await askInTurn(simulator.baseURL, api, [keyOfA, keyOfB]);

      expect(answerOfB.response.id).not.toBe(answerOfA.response.id);
      expect(answerOfB.providerMetadata?.resilientLlm).toMatchObject({ targetId: 'primary' });
      expect(requestsWith(simulator.stats(), keyOfA)).toBe(1);
      expect(requestsWith(simulator.stats(), keyOfB)).toBe(1);
    });

    it('shares hits between models of the same API key', async () => {
      const { simulator } = await startSimulator();
      const [answer, hit] = await askInTurn(simulator.baseURL, api, [keyOfA, keyOfA]);

      expect(hit.response.id).toBe(answer.response.id);
      expect(hit.providerMetadata?.resilientLlm).toMatchObject({ targetId: 'cache' });
      expect(simulator.stats().requests).toBe(1);
    });

    it("keeps a call with its own Authorization header apart from the provider's key", async () => {
      const { simulator } = await startSimulator();
      const { model, cache } = cachedLanguageModel(simulator.baseURL, new MemoryCacheStore(), api, {
        apiKey: keyOfA,
      });
      const headers = { Authorization: `Bearer ${keyOfB}` };

      const own = await generateText({ model, prompt });
      await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
      const forwarded = await generateText({ model, prompt, headers });
      await vi.waitFor(() => expect(cache.stats().writes).toBe(2));

      expect(forwarded.response.id).not.toBe(own.response.id);
      expect(requestsWith(simulator.stats(), keyOfB)).toBe(1);
      expect((await generateText({ model, prompt, headers })).response.id).toBe(
        forwarded.response.id,
      );
      expect((await generateText({ model, prompt })).response.id).toBe(own.response.id);
      expect(simulator.stats().requests).toBe(2);
    });

    it('shares answers across API keys only when told to (shareAcrossCredentials)', async () => {
      const { simulator } = await startSimulator();
      const shared = { shareAcrossCredentials: true };
      const [answerOfA, answerOfB] = await askInTurn(
        simulator.baseURL,
        api,
        [keyOfA, keyOfB],
        shared,
      );

      expect(answerOfB.response.id).toBe(answerOfA.response.id);
      expect(requestsWith(simulator.stats(), keyOfB)).toBe(0);
    });

    it('stores neither the API key nor the prompt; a replay still answers through the SDK', async () => {
      const { simulator } = await startSimulator();
      const { store, written } = observedStore();
      const { model, cache } = cachedLanguageModel(simulator.baseURL, store, api, {
        apiKey: keyOfA,
      });
      const system = `Answer as the ${canary} assistant.`;

      const first = await generateText({ model, system, prompt });
      const recorded = streamText({ model, system, prompt });
      const recordedText = await recorded.text;
      await vi.waitFor(() => expect(cache.stats().writes).toBe(2));
      const hit = await generateText({ model, system, prompt });
      const replayed = streamText({ model, system, prompt });

      expect(hit.providerMetadata?.resilientLlm).toMatchObject({ targetId: 'cache' });
      expect(hit.text).toBe(first.text);
      expect(hit.finishReason).toBe(first.finishReason);
      expect(hit.usage).toEqual(first.usage);
      expect(hit.request.body).toBeUndefined();
      expect(await replayed.text).toBe(recordedText);
      expect(simulator.stats().requests).toBe(2);
      expect(written.size).toBe(2);
      for (const [key, value] of written) {
        expect(key).toMatch(/^[0-9a-f]{64}$/);
        for (const secret of [keyOfA, 'tenant', canary]) {
          expect(key).not.toContain(secret);
          expect(value).not.toContain(secret);
        }
      }
    });
  },
);
