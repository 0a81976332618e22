/**
 * The commands of a Redis client that {@link RedisCacheStore} uses, in the shape of node-redis
 * (`redis` >= 5): a `createClient()` client fits as it is. Other clients need a few lines of
 * glue (see the README for ioredis).
 */
export interface RedisCacheClient {
  /** `GET key`: the value, or null. */
  get(key: string): Promise<string | null | object>;
  /** `SET key value [PX ms]`. */
  set(
    key: string,
    value: string,
    options?: { expiration: { type: 'PX'; value: number } },
  ): Promise<unknown>;
  /** `DEL key [key ...]`. */
  del(keys: string | string[]): Promise<unknown>;
}
