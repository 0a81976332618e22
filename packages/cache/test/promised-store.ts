import type { CacheStore } from '../src/store/cache-store';
import type { MemoryCacheStore } from '../src/store/memory-cache-store';

/** `store` behind promises: every call answers later, as a remote store's does. */
export function promisedStore(store: MemoryCacheStore): CacheStore {
  return {
    capabilities: store.capabilities,
    get: async (key) => store.get(key),
    set: async (key, value, options) => store.set(key, value, options),
    delete: async (key) => store.delete(key),
  };
}
