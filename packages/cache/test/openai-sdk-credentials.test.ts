import { getProvenance } from '@resilient-llm/openai';
import {
  type CachedClientOptions,
  cachedOpenAI,
  requestsWith,
} from '@resilient-llm/test-utils/cached-clients';
import { observedStore } from '@resilient-llm/test-utils/observed-store';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { describe, expect, it, vi } from 'vitest';
import { MemoryCacheStore } from '../src/store/memory-cache-store';

const canary = 'canary-prompt-7f3a';
const body = {
  model: 'gpt-sim',
  messages: [{ role: 'user' as const, content: `Which tenant am I? ${canary}` }],
};
const keyOfA = 'sk-tenant-a-1111';
const keyOfB = 'sk-tenant-b-2222';

/** Two clients of `apiKeys` on one store: the first asks, its answer is stored, the second asks. */
async function askInTurn(
  baseURL: string,
  apiKeys: readonly [string, string],
  cache?: CachedClientOptions['cache'],
) {
  const store = new MemoryCacheStore();
  const [first, second] = apiKeys.map((apiKey) => cachedOpenAI(baseURL, store, { apiKey, cache }));
  const answerOfFirst = await first!.openai.chat.completions.create(body);
  await vi.waitFor(() => expect(first!.cache.stats().writes).toBe(1));
  const answerOfSecond = await second!.openai.chat.completions.create(body);
  return { clients: [first!, second!] as const, answers: [answerOfFirst, answerOfSecond] as const };
}

describe('createResilientOpenAI with a cache shared by clients of other API keys', () => {
  const startSimulator = useSimulator();

  it('sends each API key to the provider: no client gets an answer paid for with another key', async () => {
    const { simulator } = await startSimulator();
    const { clients, answers } = await askInTurn(simulator.baseURL, [keyOfA, keyOfB]);
    const [tenantA, tenantB] = clients;
    const [answerOfA, answerOfB] = answers;

    expect(answerOfB.id).not.toBe(answerOfA.id);
    expect(getProvenance(answerOfB)).toMatchObject({ targetId: 'primary', attempts: 1 });
    expect(requestsWith(simulator.stats(), keyOfA)).toBe(1);
    expect(requestsWith(simulator.stats(), keyOfB)).toBe(1);
    // Each tenant still has its own hits.
    await vi.waitFor(() => expect(tenantB.cache.stats().writes).toBe(1));
    expect((await tenantB.openai.chat.completions.create(body)).id).toBe(answerOfB.id);
    expect((await tenantA.openai.chat.completions.create(body)).id).toBe(answerOfA.id);
    expect(simulator.stats().requests).toBe(2);
  });

  it('shares hits between clients of the same API key', async () => {
    const { simulator } = await startSimulator();
    const [answer, hit] = (await askInTurn(simulator.baseURL, [keyOfA, keyOfA])).answers;

    expect(hit.id).toBe(answer.id);
    expect(getProvenance(hit)).toMatchObject({ targetId: 'cache', attempts: 0 });
    expect(simulator.stats().requests).toBe(1);
  });

  it("keeps a call with its own Authorization header apart from the client's key", async () => {
    const { simulator } = await startSimulator();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, new MemoryCacheStore(), {
      apiKey: keyOfA,
    });
    const asTenantB = { headers: { Authorization: `Bearer ${keyOfB}` } };

    const own = await openai.chat.completions.create(body);
    await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
    const forwarded = await openai.chat.completions.create(body, asTenantB);
    await vi.waitFor(() => expect(cache.stats().writes).toBe(2));

    expect(forwarded.id).not.toBe(own.id);
    expect(requestsWith(simulator.stats(), keyOfB)).toBe(1);
    expect((await openai.chat.completions.create(body, asTenantB)).id).toBe(forwarded.id);
    expect((await openai.chat.completions.create(body)).id).toBe(own.id);
    expect(simulator.stats().requests).toBe(2);
  });

  it('shares answers across API keys only when told to (shareAcrossCredentials)', async () => {
    const { simulator } = await startSimulator();
    const shared = { shareAcrossCredentials: true };
    const [answerOfA, answerOfB] = (await askInTurn(simulator.baseURL, [keyOfA, keyOfB], shared))
      .answers;

    expect(answerOfB.id).toBe(answerOfA.id);
    expect(requestsWith(simulator.stats(), keyOfB)).toBe(0);
  });

  it('never puts the API key or the prompt into a store key or a stored value', async () => {
    const { simulator } = await startSimulator();
    const { store, written } = observedStore();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, store, { apiKey: keyOfA });
    const asTenantB = { headers: { Authorization: `Bearer ${keyOfB}` } };
    const instructions = `Answer as the ${canary} assistant.`;

    await openai.chat.completions.create(body);
    await openai.chat.completions.create(body, asTenantB);
    await openai.responses.create({ model: 'gpt-sim', input: canary, instructions });
    const stream = await openai.responses.create({
      model: 'gpt-sim',
      input: canary,
      instructions,
      stream: true,
    });
    for await (const _ of stream);
    await vi.waitFor(() => expect(cache.stats().writes).toBe(4));

    expect(written.size).toBe(4);
    for (const [key, value] of written) {
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      for (const secret of [keyOfA, keyOfB, 'tenant', canary]) {
        expect(key).not.toContain(secret);
        expect(value).not.toContain(secret);
      }
    }
  });
});
