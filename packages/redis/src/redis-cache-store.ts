import type {
  CacheSetOptions,
  CacheStore,
  CacheStoreCapabilities,
  CacheStoreItem,
} from '@resilient-llm/cache';
import { assertRedisOptions } from './assert-redis-options';
import type { RedisCacheClient } from './redis-cache-client';
import {
  defaultRedisCacheStoreOptions,
  type RedisCacheStoreOptions,
} from './redis-cache-store-options';

/**
 * A `@resilient-llm/cache` store on Redis, shared by every process that uses the same server
 * and `keyPrefix`. Expiry is the server's (`SET ... PX`); values are the cache stage's
 * versioned JSON entries, stored as plain strings (no scripts, nothing evaluated). Batch
 * operations are single commands sent together, which the client pipelines, so they also
 * work on a cluster.
 */
export class RedisCacheStore implements CacheStore {
  readonly capabilities: CacheStoreCapabilities = { ttl: true, batch: true };
  private readonly client: RedisCacheClient;
  private readonly keyPrefix: string;

  constructor(options: RedisCacheStoreOptions) {
    assertRedisOptions(options, ['get', 'set', 'del']);
    const { client, keyPrefix = defaultRedisCacheStoreOptions.keyPrefix } = options;
    this.client = client;
    this.keyPrefix = keyPrefix;
  }

  async get(key: string): Promise<string | undefined> {
    const value = await this.client.get(this.keyPrefix + key);
    return typeof value === 'string' ? value : undefined;
  }

  async set(key: string, value: string, { ttlMs }: CacheSetOptions = {}): Promise<void> {
    const expiration =
      ttlMs === undefined
        ? undefined
        : { expiration: { type: 'PX' as const, value: Math.max(1, Math.ceil(ttlMs)) } };
    await this.client.set(this.keyPrefix + key, value, expiration);
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.keyPrefix + key);
  }

  getMany(keys: readonly string[]): Promise<Array<string | undefined>> {
    return Promise.all(keys.map((key) => this.get(key)));
  }

  async setMany(items: readonly CacheStoreItem[]): Promise<void> {
    await Promise.all(items.map(({ key, value, options }) => this.set(key, value, options)));
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.delete(key)));
  }
}
