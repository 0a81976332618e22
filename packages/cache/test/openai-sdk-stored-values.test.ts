import { getProvenance } from '@resilient-llm/openai';
import { cachedOpenAI } from '@resilient-llm/test-utils/cached-clients';
import { observedStore } from '@resilient-llm/test-utils/observed-store';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import { describe, expect, it, vi } from 'vitest';

const instructions = 'You are the canary-instructions-91c2 assistant.';
const body = { model: 'gpt-sim', input: 'What does a circuit breaker do?', instructions };

describe('what createResilientOpenAI stores of an answer', () => {
  const startSimulator = useSimulator();

  it('stores a Responses API answer without its echoed instructions; a hit still answers', async () => {
    const { simulator } = await startSimulator();
    const { store, written } = observedStore();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, store);

    const first = await openai.responses.create(body);
    await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
    const hit = await openai.responses.create(body);

    expect(first.instructions).toBe(instructions);
    expect([...written.values()].join()).not.toContain('canary-instructions');
    expect(getProvenance(hit)).toMatchObject({ targetId: 'cache', attempts: 0 });
    expect(hit.instructions).toBeNull();
    expect(hit.output_text).toBe(first.output_text);
    expect(hit).toEqual({ ...first, instructions: null });
    expect(simulator.stats().requests).toBe(1);
  });

  it('stores a Responses API stream without the echoed instructions; a replay has every event', async () => {
    const { simulator } = await startSimulator();
    const { store, written } = observedStore();
    const { openai, cache } = cachedOpenAI(simulator.baseURL, store);
    const streamed = { ...body, stream: true as const };

    const recorded = [];
    for await (const event of await openai.responses.create(streamed)) recorded.push(event);
    await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
    const replayed = [];
    for await (const event of await openai.responses.create(streamed)) replayed.push(event);

    expect(recorded.find((event) => event.type === 'response.created')?.response.instructions).toBe(
      instructions,
    );
    expect([...written.values()].join()).not.toContain('canary-instructions');
    expect(simulator.stats().requests).toBe(1);
    expect(replayed).toEqual(
      recorded.map((event) =>
        'response' in event
          ? { ...event, response: { ...event.response, instructions: null } }
          : event,
      ),
    );
  });

  it('encrypts stored values with encryptionKey; a hit decrypts them', async () => {
    const { simulator } = await startSimulator();
    const { store, written } = observedStore();
    const encryptionKey = crypto.getRandomValues(new Uint8Array(32));
    const { openai, cache } = cachedOpenAI(simulator.baseURL, store, { cache: { encryptionKey } });
    const chat = { model: 'gpt-sim', messages: [{ role: 'user' as const, content: 'Hi' }] };

    const first = await openai.chat.completions.create(chat);
    await vi.waitFor(() => expect(cache.stats().writes).toBe(1));
    const hit = await openai.chat.completions.create(chat);

    const [value] = [...written.values()];
    expect(value).toMatch(/^aes-gcm\.1:[A-Za-z0-9+/]+=*$/);
    expect(value).not.toContain(first.id);
    expect(hit).toEqual(first);
    expect(getProvenance(hit)).toMatchObject({ targetId: 'cache' });
    expect(simulator.stats().requests).toBe(1);
  });

  it('goes upstream, with an event, when a stored value was sealed with another key or changed', async () => {
    const { simulator } = await startSimulator();
    const { store, written } = observedStore();
    const chat = { model: 'gpt-sim', messages: [{ role: 'user' as const, content: 'Hi' }] };
    const writer = cachedOpenAI(simulator.baseURL, store, {
      cache: { encryptionKey: crypto.getRandomValues(new Uint8Array(32)) },
    });
    await writer.openai.chat.completions.create(chat);
    await vi.waitFor(() => expect(writer.cache.stats().writes).toBe(1));

    const otherKey = cachedOpenAI(simulator.baseURL, store, {
      cache: { encryptionKey: crypto.getRandomValues(new Uint8Array(32)) },
    });
    const corrupt: unknown[] = [];
    otherKey.cache.on('cache-corrupt-entry', (event) => corrupt.push(event.error));
    const fromUpstream = await otherKey.openai.chat.completions.create(chat);
    expect(getProvenance(fromUpstream)).toMatchObject({ targetId: 'primary' });

    await vi.waitFor(() => expect(otherKey.cache.stats().writes).toBe(1));
    const [[key, value]] = [...written] as [[string, string]];
    const at = value.length - 10; // inside the ciphertext, or its tag
    await store.set(
      key,
      `${value.slice(0, at)}${value[at] === 'A' ? 'B' : 'A'}${value.slice(at + 1)}`,
    );
    const afterTampering = await otherKey.openai.chat.completions.create(chat);

    expect(getProvenance(afterTampering)).toMatchObject({ targetId: 'primary' });
    expect(simulator.stats().requests).toBe(3);
    expect(corrupt).toHaveLength(2);
    for (const error of corrupt)
      expect(error).toMatchObject({ name: 'CorruptCacheEntryError', message: /does not decrypt/ });
  });
});
