import {
  assertBoolean,
  assertMethods,
  assertOptions,
  assertRequired,
  optionKeys,
} from '@resilient-llm/policies/validation';
import type { CacheSetOptions, CacheStore, CacheStoreCapabilities } from '../store/cache-store';

/** The methods of an unstorage `Storage` the adapter uses; `createStorage(...)` fits. */
export interface UnstorageLike {
  getItemRaw(key: string): Promise<unknown>;
  setItemRaw(key: string, value: string, options?: { ttl?: number }): Promise<void>;
  removeItem(key: string): Promise<void>;
}

/** Options of {@link UnstorageCacheStore}. */
export interface UnstorageCacheStoreOptions {
  /** The unstorage `Storage`, with any driver (required). */
  storage: UnstorageLike;
  /**
   * The driver expires items by itself given `ttl` in seconds (e.g. the redis, cloudflare-kv
   * and vercel-kv drivers). Without it the cache stage still never serves an expired entry,
   * but expired entries stay until overwritten. Defaults to `false`
   * (`defaultUnstorageCacheStoreOptions.driverTtl`).
   */
  driverTtl?: boolean;
}

/** The values {@link UnstorageCacheStore} applies to the {@link UnstorageCacheStoreOptions} left out. */
export const defaultUnstorageCacheStoreOptions = {
  driverTtl: false,
} as const satisfies Partial<UnstorageCacheStoreOptions>;

const unstorageOptionKeys = optionKeys<UnstorageCacheStoreOptions>({
  storage: true,
  driverTtl: true,
});
const unstorageMethods = [
  'getItemRaw',
  'setItemRaw',
  'removeItem',
] as const satisfies readonly (keyof UnstorageLike)[];

/**
 * A {@link CacheStore} over unstorage, so any unstorage driver (filesystem, Cloudflare KV,
 * Vercel KV, Redis, ...) can hold the cache. Values go through the raw item methods, so
 * unstorage never parses them.
 */
export class UnstorageCacheStore implements CacheStore {
  readonly capabilities: CacheStoreCapabilities;
  private readonly storage: UnstorageLike;

  constructor(options: UnstorageCacheStoreOptions) {
    assertOptions('', options, unstorageOptionKeys);
    const { storage, driverTtl = defaultUnstorageCacheStoreOptions.driverTtl } = options;
    assertRequired('storage', storage);
    assertMethods('storage', storage, unstorageMethods);
    assertBoolean('driverTtl', driverTtl);
    this.storage = storage;
    this.capabilities = { ttl: driverTtl, batch: false };
  }

  async get(key: string): Promise<string | undefined> {
    const value = await this.storage.getItemRaw(key);
    return typeof value === 'string' ? value : undefined;
  }

  async set(key: string, value: string, { ttlMs }: CacheSetOptions = {}): Promise<void> {
    const ttl =
      this.capabilities.ttl && ttlMs !== undefined
        ? Math.max(1, Math.ceil(ttlMs / 1000))
        : undefined;
    await this.storage.setItemRaw(key, value, ttl === undefined ? undefined : { ttl });
  }

  async delete(key: string): Promise<void> {
    await this.storage.removeItem(key);
  }
}
