export {
  type CreateRedisClientOptions,
  createRedisClient,
  defaultRedisClientOptions,
} from './create-redis-client';
export type { RedisCacheClient } from './redis-cache-client';
export { RedisCacheStore } from './redis-cache-store';
export {
  defaultRedisCacheStoreOptions,
  type RedisCacheStoreOptions,
} from './redis-cache-store-options';
export {
  defaultRedisStateStoreOptions,
  RedisStateStore,
  type RedisStateStoreOptions,
} from './redis-state-store';
export {
  type RedisSharedState,
  redisSharedState,
} from './shared-state/redis-shared-state';
export {
  defaultRedisSharedStateOptions,
  type RedisSharedStateClient,
  type RedisSharedStateOptions,
  type RedisSubscriberClient,
} from './shared-state/redis-shared-state-options';
