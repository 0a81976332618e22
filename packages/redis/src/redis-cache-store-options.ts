import type { RedisCacheClient } from './redis-cache-client';

/** Options of {@link RedisCacheStore}. */
export interface RedisCacheStoreOptions {
  /**
   * A connected node-redis client (required). You own it: connect it, give it an `error`
   * listener, close it. `disableOfflineQueue: true` makes reads fail at once while Redis is down
   * instead of waiting for the cache stage's `storeTimeoutMs`.
   */
  client: RedisCacheClient;
  /** Put before every key, to share one database with other data. Defaults to `resilient-llm:cache:`. */
  keyPrefix?: string;
}

/** The defaults of {@link RedisCacheStoreOptions}. */
export const defaultRedisCacheStoreOptions = {
  keyPrefix: 'resilient-llm:cache:',
} as const;
