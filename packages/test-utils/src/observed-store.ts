import { type CacheStore, MemoryCacheStore } from '@resilient-llm/cache';

/** A store that counts the operations sent to `inner` and keeps every key and value written. */
export function observedStore(inner: CacheStore = new MemoryCacheStore()) {
  const calls = { get: 0, set: 0, delete: 0 };
  const written = new Map<string, string>();
  const store: CacheStore = {
    capabilities: inner.capabilities,
    get(key) {
      calls.get += 1;
      return inner.get(key);
    },
    set(key, value, options) {
      calls.set += 1;
      written.set(key, value);
      return inner.set(key, value, options);
    },
    delete(key) {
      calls.delete += 1;
      return inner.delete(key);
    },
  };
  return { store, calls, written };
}
