import {
  assertMethods,
  assertOptions,
  assertRequired,
  assertString,
  optionKeys,
} from '@resilient-llm/policies/validation';
import type { RedisCacheStoreOptions } from './redis-cache-store-options';

/** The keys every Redis store's options share. */
const redisStoreOptionKeys = optionKeys<RedisCacheStoreOptions>({ client: true, keyPrefix: true });

/**
 * Validates the options every Redis store shares: no key but `client` and `keyPrefix`, a
 * node-redis client with the `methods` the store calls, and a string key prefix. Throws
 * `InvalidOptionError` naming the field (an unknown key with the closest known one).
 */
export function assertRedisOptions(options: unknown, methods: readonly string[]): void {
  assertOptions('', options, redisStoreOptionKeys);
  const { client, keyPrefix } = (options ?? {}) as { client?: unknown; keyPrefix?: unknown };
  assertRequired('client', client);
  assertMethods('client', client, methods);
  assertString('keyPrefix', keyPrefix, { allowEmpty: true });
}
