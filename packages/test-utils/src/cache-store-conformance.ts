import type { CacheStore } from '@resilient-llm/cache';
import { describe, expect, it } from 'vitest';

/** A fresh, empty store for one test, with the hooks the suite needs to look inside it. */
export interface CacheStoreHarness {
  readonly store: CacheStore;
  /**
   * Milliseconds until `key` expires as the store sees it: `Infinity` without expiry,
   * `undefined` when absent. Needed by the TTL tests when `capabilities.ttl`.
   */
  remainingTtlMs?(key: string): Promise<number | undefined> | number | undefined;
  /** Moves the store's clock forward; the expiry tests run only when given. */
  advanceTime?(ms: number): Promise<void> | void;
  /** Releases what the harness opened (connections, keys). */
  close?(): Promise<void> | void;
}

/**
 * The behaviour every {@link CacheStore} must show. Call it in a test file with a factory of
 * empty stores; TTL and batch tests run when the store declares those capabilities.
 */
export function describeCacheStoreConformance(
  name: string,
  createHarness: () => Promise<CacheStoreHarness> | CacheStoreHarness,
): void {
  async function withHarness(test: (harness: CacheStoreHarness) => Promise<void>): Promise<void> {
    const harness = await createHarness();
    try {
      await test(harness);
    } finally {
      await harness.close?.();
    }
  }

  describe(`${name} conforms to CacheStore`, () => {
    it('declares its capabilities as booleans', () =>
      withHarness(async ({ store }) => {
        expect(typeof store.capabilities.ttl).toBe('boolean');
        expect(typeof store.capabilities.batch).toBe('boolean');
      }));

    it('returns undefined for a key never set', () =>
      withHarness(async ({ store }) => {
        expect(await store.get('missing')).toBeUndefined();
      }));

    it('returns exactly what was set, whatever the characters', () =>
      withHarness(async ({ store }) => {
        const values = ['', 'plain', '{"v":1,"text":"ünïcödé 日本語 🚀"}', 'x'.repeat(100_000)];
        for (const [index, value] of values.entries()) await store.set(`key-${index}`, value);
        for (const [index, value] of values.entries())
          expect(await store.get(`key-${index}`)).toBe(value);
      }));

    it('keeps keys apart and replaces on set', () =>
      withHarness(async ({ store }) => {
        await store.set('a', 'first');
        await store.set('b', 'other');
        await store.set('a', 'second');
        expect(await store.get('a')).toBe('second');
        expect(await store.get('b')).toBe('other');
      }));

    it('deletes a key, and deleting a missing key is fine', () =>
      withHarness(async ({ store }) => {
        await store.set('a', 'value');
        await store.delete('a');
        await store.delete('never-set');
        expect(await store.get('a')).toBeUndefined();
      }));

    it('serves many concurrent reads and writes', () =>
      withHarness(async ({ store }) => {
        const keys = Array.from({ length: 100 }, (_, index) => `concurrent-${index}`);
        await Promise.all(keys.map((key) => store.set(key, `value of ${key}`)));
        const values = await Promise.all(keys.map((key) => store.get(key)));
        expect(values).toEqual(keys.map((key) => `value of ${key}`));
      }));

    it('expires an entry after its ttlMs, and a later set without ttlMs keeps it', () =>
      withHarness(async (harness) => {
        const { store } = harness;
        if (!store.capabilities.ttl) return;
        expect(harness.remainingTtlMs, 'a store with ttl needs remainingTtlMs').toBeDefined();
        await store.set('short', 'value', { ttlMs: 60_000 });
        await store.set('forever', 'value');
        const remaining = await harness.remainingTtlMs!('short');
        expect(remaining).toBeGreaterThan(0);
        expect(remaining).toBeLessThanOrEqual(60_000);
        expect(await harness.remainingTtlMs!('forever')).toBe(Infinity);
        await store.set('renewed', 'value', { ttlMs: 60_000 });
        await store.set('renewed', 'value');
        expect(await harness.remainingTtlMs!('renewed')).toBe(Infinity);
        if (!harness.advanceTime) return;
        await harness.advanceTime(60_001);
        expect(await store.get('short')).toBeUndefined();
        expect(await store.get('forever')).toBe('value');
      }));

    it('reads, writes and deletes in batches like one key at a time', () =>
      withHarness(async ({ store }) => {
        if (!store.capabilities.batch) return;
        expect(store.getMany && store.setMany && store.deleteMany).toBeTypeOf('function');
        await store.setMany!([
          { key: 'a', value: '1' },
          { key: 'b', value: '2', options: { ttlMs: 60_000 } },
        ]);
        expect(await store.getMany!(['a', 'missing', 'b'])).toEqual(['1', undefined, '2']);
        await store.deleteMany!(['a', 'b', 'missing']);
        expect(await store.getMany!(['a', 'b'])).toEqual([undefined, undefined]);
      }));
  });
}
