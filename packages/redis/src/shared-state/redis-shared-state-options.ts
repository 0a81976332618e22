import type { Clock } from '@resilient-llm/policies';
import {
  assertClock,
  assertMethods,
  assertNumber,
  assertOptions,
  assertRequired,
  assertString,
  optionKeys,
} from '@resilient-llm/policies/validation';
import type { ScriptClient } from './lua-script';

/** The connection `redisSharedState` subscribes to breaker changes on (`client.duplicate()`). */
export interface RedisSubscriberClient {
  /** Opens the connection. */
  connect(): Promise<unknown>;
  /** `SUBSCRIBE channel`, calling `listener` with each message. */
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  /** Closes the connection at once. */
  destroy(): unknown;
  /** Errors of the connection (node-redis needs a listener). */
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

/**
 * The commands of a Redis client that `redisSharedState` uses, in the shape of node-redis
 * (`redis` >= 5): a `createClient()` client fits as it is.
 */
export interface RedisSharedStateClient extends ScriptClient {
  /** `GET key`: the value, or null. */
  get(key: string): Promise<unknown>;
  /** A new connection with the same options, for the breaker-change subscription. */
  duplicate(): RedisSubscriberClient;
}

/** Options of `redisSharedState`. */
export interface RedisSharedStateOptions {
  /**
   * A node-redis client (required); you own its lifecycle. Create it with
   * `disableOfflineQueue: true` (as `createRedisClient` does), so that operations fail at once
   * while Redis is gone instead of waiting `operationTimeoutMs`.
   */
  client: RedisSharedStateClient;
  /**
   * Put before every key (and the breaker-change channel), to share a database with other data
   * or fleets. Defaults to `'resilient-llm:shared:'` (`defaultRedisSharedStateOptions.keyPrefix`).
   */
  keyPrefix?: string;
  /**
   * Longest wait for Redis to answer one operation, in ms: then it rejects with a
   * `TimeoutError` of phase `shared-state` (`Infinity`: no limit). Defaults to 1000
   * (`defaultRedisSharedStateOptions.operationTimeoutMs`).
   */
  operationTimeoutMs?: number;
  /** Source of time for `operationTimeoutMs`. Defaults to the system clock (`systemClock`). */
  clock?: Clock;
}

/** The values `redisSharedState` applies to the {@link RedisSharedStateOptions} left out. */
export const defaultRedisSharedStateOptions = {
  keyPrefix: 'resilient-llm:shared:',
  operationTimeoutMs: 1_000,
} as const satisfies Partial<RedisSharedStateOptions>;

const redisSharedStateOptionKeys = optionKeys<RedisSharedStateOptions>({
  client: true,
  keyPrefix: true,
  operationTimeoutMs: true,
  clock: true,
});

/** The commands `redisSharedState` sends with its client. */
const clientMethods = ['scriptLoad', 'evalSha', 'get', 'duplicate'];

/**
 * Throws `InvalidOptionError` naming the field unless `options` are {@link RedisSharedStateOptions}
 * (an unknown key named with the closest known one).
 */
export function assertRedisSharedStateOptions(options: unknown): void {
  assertOptions('', options, redisSharedStateOptionKeys);
  const { client, keyPrefix, operationTimeoutMs, clock } = (options ?? {}) as Record<
    string,
    unknown
  >;
  assertRequired('client', client);
  assertMethods('client', client, clientMethods);
  assertString('keyPrefix', keyPrefix, { allowEmpty: true });
  assertNumber('operationTimeoutMs', operationTimeoutMs, { min: 1, allowInfinity: true });
  assertClock('clock', clock);
}
