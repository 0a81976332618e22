import { setupCachedModel } from '@resilient-llm/test-utils/cache-setup';
import { describe, expect, it, vi } from 'vitest';
import { promisedStore } from '../../test/promised-store';
import type { CacheStore } from '../store/cache-store';
import { MemoryCacheStore } from '../store/memory-cache-store';

function failingStore(failure: 'throw' | 'reject'): CacheStore {
  const fail = () => {
    const error = new Error('store down');
    if (failure === 'throw') throw error;
    return Promise.reject(error);
  };
  return { capabilities: { ttl: true, batch: false }, get: fail, set: fail, delete: fail };
}

describe('cache stage, store failures never fail a call', () => {
  for (const failure of ['throw', 'reject'] as const) {
    it(`goes upstream and reports when the store methods ${failure}`, async () => {
      const { model, target, stage } = setupCachedModel({
        steps: [{ respond: 'one' }, { respond: 'two' }],
        store: failingStore(failure),
        // Every operation reaches the store (the breaker has tests of its own).
        cache: { storeBreaker: false },
      });
      const errors: string[] = [];
      stage.on('cache-store-error', (event) => errors.push(event.operation));

      await expect(model.generate({ prompt: 'hi' })).resolves.toMatchObject({ attempts: 1 });
      await expect(model.generate({ prompt: 'hi' })).resolves.toMatchObject({ attempts: 1 });
      await Promise.resolve();

      expect(target.calls).toBe(2);
      expect(errors).toEqual(['get', 'set', 'get', 'set']);
      expect(stage.stats().errors).toBe(4);
    });
  }

  it('goes upstream when a store read does not answer within storeTimeoutMs', async () => {
    const hanging: CacheStore = {
      capabilities: { ttl: false, batch: false },
      get: () => new Promise(() => {}),
      set: () => {},
      delete: () => {},
    };
    const { model, target, stage, clock } = setupCachedModel({
      steps: [{ respond: 'one' }],
      store: hanging,
      cache: { storeTimeoutMs: 100 },
    });
    const timedOut = new Promise((resolve) => stage.on('cache-store-error', resolve));

    const call = model.generate({ prompt: 'hi' });
    // The call's deadline and the store read each hold one timer on the manual clock.
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(2));
    clock.advance(100);

    await expect(call).resolves.toMatchObject({ response: 'one <- hi' });
    expect(await timedOut).toMatchObject({
      operation: 'get',
      error: { name: 'CacheStoreTimeoutError' },
    });
    expect(target.calls).toBe(1);
    expect(clock.pendingTimers()).toBe(0);
  });

  for (const answers of ['synchronously', 'with promises'] as const) {
    it(`deletes a corrupt entry, goes upstream and stores a good one (store answering ${answers})`, async () => {
      const memory = new MemoryCacheStore();
      const { model, target, stage } = setupCachedModel({
        steps: [{ respond: 'one' }, { respond: 'two' }],
        store: answers === 'synchronously' ? memory : promisedStore(memory),
      });
      let key = '';
      stage.on('cache-write', (event) => {
        key = event.key;
      });
      const corrupt: unknown[] = [];
      stage.on('cache-corrupt-entry', (event) => corrupt.push(event.error));
      const deletes = vi.spyOn(memory, 'delete');

      await model.generate({ prompt: 'hi' });
      await Promise.resolve();
      const times = '"v":1,"storedAt":1,"freshUntil":1e15,"staleUntil":1e15';
      const garbage = [
        'not json',
        '{"v":2}',
        '{"v":1,"kind":"stream","storedAt":1}',
        // Decoded without the reviver, then refused for its shape.
        `{${times},"kind":"generate"}`,
        // Decoded by the reviver, which refuses an unknown tag.
        `{${times},"kind":"generate","response":{"$unknown":1}}`,
      ];
      for (const value of garbage) {
        memory.set(key, value);
        await model.generate({ prompt: 'hi' }).catch(() => {});
        target.script.push({ respond: 'again' });
        await Promise.resolve();
      }
      const healed = await model.generate({ prompt: 'hi' });

      expect(corrupt).toHaveLength(garbage.length);
      expect(deletes.mock.calls).toEqual(garbage.map(() => [key]));
      for (const error of corrupt) expect(error).toMatchObject({ name: 'CorruptCacheEntryError' });
      expect(healed.targetId).toBe('cache');
      expect(target.calls).toBe(garbage.length + 1);
    });
  }
});
