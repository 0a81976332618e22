import type { createRedisClient } from './create-redis-client';
import type { RedisCacheClient } from './redis-cache-client';

/** Options of {@link RedisCacheStore}. */
export interface RedisCacheStoreOptions {
  /**
   * A node-redis client (required), best from {@link createRedisClient}. You own it: close it.
   * A client of your own needs an `error` listener and `disableOfflineQueue: true`, or with
   * Redis down every read waits the cache stage's `storeTimeoutMs` until its store breaker
   * opens.
   */
  client: RedisCacheClient;
  /**
   * Put before every key, to share one database with other data. Defaults to
   * `'resilient-llm:cache:'` (`defaultRedisCacheStoreOptions.keyPrefix`).
   */
  keyPrefix?: string;
}

/** The values {@link RedisCacheStore} applies to the {@link RedisCacheStoreOptions} left out. */
export const defaultRedisCacheStoreOptions = {
  keyPrefix: 'resilient-llm:cache:',
} as const satisfies Partial<RedisCacheStoreOptions>;
