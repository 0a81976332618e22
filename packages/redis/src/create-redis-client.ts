import { assertBoolean, assertFunction, assertObject } from '@resilient-llm/policies/validation';
import { createClient, type RedisClientOptions, type RedisClientType } from 'redis';

/** Options of {@link createRedisClient}: node-redis's own, with defaults that fail fast. */
export interface CreateRedisClientOptions extends RedisClientOptions {
  /**
   * Called with each error the client reports (node-redis needs a listener, or an error ends
   * the process). Store failures also reach the cache stage's `store-error` events. Defaults
   * to ignoring them.
   */
  onError?: (error: unknown) => void;
  /**
   * Commands fail at once while disconnected, instead of queueing until a reconnect (so a
   * call goes upstream instead of waiting). Defaults to `true`
   * (`defaultRedisClientOptions.disableOfflineQueue`).
   */
  disableOfflineQueue?: boolean;
  /**
   * node-redis's socket options. Defaults to `{ connectTimeout: 1000 }`
   * (`defaultRedisClientOptions.socket`); the fields given are merged over it.
   */
  socket?: RedisClientOptions['socket'];
}

/** The values {@link createRedisClient} applies where its options say nothing. */
export const defaultRedisClientOptions = {
  disableOfflineQueue: true,
  /** Longest wait for a connection, in ms. */
  socket: { connectTimeout: 1_000 },
} as const satisfies CreateRedisClientOptions;

/**
 * A node-redis client for the stores of this package, with defaults that never let a dead
 * Redis hold a call: no offline queue (a command while disconnected fails at once, and the
 * call goes upstream) and a connect timeout of 1 s; node-redis reconnects by itself (its
 * jittered backoff, 50 ms doubled up to 2 s). It starts connecting at once and does not wait
 * for it: until Redis answers, store operations fail fast and calls go upstream. Any option
 * given wins; you close the client (`client.close()` or `client.destroy()`). The options of
 * this function (`onError`, `disableOfflineQueue`, `socket`) are checked here; the rest go to
 * node-redis as they are.
 */
export function createRedisClient(options: CreateRedisClientOptions = {}): RedisClientType {
  assertObject('options', options);
  const {
    onError = () => {},
    disableOfflineQueue = defaultRedisClientOptions.disableOfflineQueue,
    socket,
    ...redisOptions
  } = options;
  assertFunction('onError', onError);
  assertBoolean('disableOfflineQueue', disableOfflineQueue);
  assertObject('socket', socket);
  const client = createClient({
    ...redisOptions,
    disableOfflineQueue,
    socket: {
      ...defaultRedisClientOptions.socket,
      ...socket,
    } as RedisClientOptions['socket'],
  }) as RedisClientType;
  client.on('error', onError);
  client.connect().catch(onError);
  return client;
}
