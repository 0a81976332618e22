import { createManualClock } from '@resilient-llm/simulator';
import { describeCacheStoreConformance } from '@resilient-llm/test-utils/cache-store-conformance';
import { testEpochMs } from '@resilient-llm/test-utils/test-epoch';
import { describe, expect, it } from 'vitest';
import { estimateEntryBytes } from './estimate-entry-bytes';
import { MemoryCacheStore } from './memory-cache-store';

describeCacheStoreConformance('MemoryCacheStore', () => {
  const clock = createManualClock(testEpochMs);
  const store = new MemoryCacheStore({ clock });
  return {
    store,
    remainingTtlMs: (key) => store.remainingTtlMs(key),
    advanceTime: (ms) => clock.advance(ms),
  };
});

describe('MemoryCacheStore', () => {
  it('keeps at most maxEntries, least recently used out first', () => {
    const store = new MemoryCacheStore({ maxEntries: 2 });
    store.set('a', '1');
    store.set('b', '2');
    store.get('a');
    store.set('c', '3');
    expect([store.get('a'), store.get('b'), store.get('c')]).toEqual(['1', undefined, '3']);
  });

  it('keeps at most maxBytes as estimateEntryBytes charges them', () => {
    const entryBytes = estimateEntryBytes('key-0', 'x'.repeat(100));
    const store = new MemoryCacheStore({ maxBytes: entryBytes * 3 });
    for (let index = 0; index < 10; index++) store.set(`key-${index}`, 'x'.repeat(100));
    expect(store.size).toBe(3);
    expect(store.bytes).toBeLessThanOrEqual(entryBytes * 3);
    expect(store.get('key-9')).toBeDefined();
  });

  it('does not store an entry larger than maxEntryBytes', () => {
    const store = new MemoryCacheStore({ maxEntryBytes: 1_000 });
    store.set('small', 'x');
    store.set('large', 'x'.repeat(1_000));
    expect(store.get('small')).toBe('x');
    expect(store.get('large')).toBeUndefined();
  });

  it('rejects bad options, naming the field', () => {
    expect(() => new MemoryCacheStore({ maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() => new MemoryCacheStore({ maxBytes: 100, maxEntryBytes: 200 })).toThrow(
      /maxEntryBytes/,
    );
  });
});
