import { describeCacheStoreConformance } from '@resilient-llm/test-utils/cache-store-conformance';
import Keyv from 'keyv';
import { createStorage } from 'unstorage';
import { describe, expect, it } from 'vitest';
import { KeyvCacheStore } from './keyv-cache-store';
import { UnstorageCacheStore } from './unstorage-cache-store';

describeCacheStoreConformance('KeyvCacheStore on Keyv in memory', () => {
  const keyv = new Keyv();
  return {
    store: new KeyvCacheStore({ keyv }),
    async remainingTtlMs(key) {
      const raw = await keyv.getRaw<string>(key);
      if (raw === undefined || typeof raw === 'string')
        return raw === undefined ? undefined : Infinity;
      // Keyv keeps an absolute expiry on its own (system) clock.
      return raw.expires === undefined ? Infinity : raw.expires - Date.now();
    },
  };
});

describeCacheStoreConformance('UnstorageCacheStore on the memory driver', () => ({
  store: new UnstorageCacheStore({ storage: createStorage() }),
}));

describe('store adapters', () => {
  it('reject what is not a Keyv or an unstorage Storage, naming the field', () => {
    expect(() => new KeyvCacheStore({ keyv: {} as never })).toThrow(/keyv/);
    expect(() => new UnstorageCacheStore({ storage: {} as never })).toThrow(/storage/);
  });

  it('refuse a store missing a method the adapter calls, and unknown keys, naming them', () => {
    const keyv = new Keyv();
    const noop = async () => undefined;
    const keyvWithoutSetMany = {
      get: noop,
      set: noop,
      delete: noop,
      getMany: noop,
      deleteMany: noop,
    };
    const storage = createStorage();
    const cases: Array<[string, () => unknown]> = [
      ['keyv', () => new KeyvCacheStore({} as never)],
      ['keyv.setMany', () => new KeyvCacheStore({ keyv: keyvWithoutSetMany } as never)],
      ['keyvv', () => new KeyvCacheStore({ keyv, keyvv: keyv } as never)],
      [
        'storage.removeItem',
        () =>
          new UnstorageCacheStore({
            storage: { getItemRaw: noop, setItemRaw: noop, removeItem: 1 },
          } as never),
      ],
      ['driverTTL', () => new UnstorageCacheStore({ storage, driverTTL: true } as never)],
      ['driverTtl', () => new UnstorageCacheStore({ storage, driverTtl: 'yes' } as never)],
    ];
    for (const [field, create] of cases)
      expect(create, field).toThrow(expect.objectContaining({ name: 'InvalidOptionError', field }));
  });

  it('pass a ttl in seconds to an unstorage driver that expires items', async () => {
    const calls: unknown[] = [];
    const storage = {
      getItemRaw: async () => null,
      setItemRaw: async (_key: string, _value: string, options?: { ttl?: number }) => {
        calls.push(options);
      },
      removeItem: async () => {},
    };
    await new UnstorageCacheStore({ storage, driverTtl: true }).set('a', 'v', { ttlMs: 1_500 });
    await new UnstorageCacheStore({ storage }).set('a', 'v', { ttlMs: 1_500 });
    expect(calls).toEqual([{ ttl: 2 }, undefined]);
  });
});
