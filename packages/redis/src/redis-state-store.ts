import type { StateStore } from '@resilient-llm/policies';
import { assertRedisOptions } from './assert-redis-options';
import type { RedisCacheClient } from './redis-cache-client';

/** Options of {@link RedisStateStore}. */
export interface RedisStateStoreOptions {
  /** A connected node-redis client (required); you own its lifecycle. */
  client: Pick<RedisCacheClient, 'get' | 'set'>;
  /** Put before every key. Defaults to `'resilient-llm:state:'` (`defaultRedisStateStoreOptions.keyPrefix`). */
  keyPrefix?: string;
}

/** The values {@link RedisStateStore} applies to the {@link RedisStateStoreOptions} left out. */
export const defaultRedisStateStoreOptions = {
  keyPrefix: 'resilient-llm:state:',
} as const satisfies Partial<RedisStateStoreOptions>;

/** Version of the stored layout; states saved under another version read as absent. */
const stateVersion = 1;

/**
 * A `StateStore` of `@resilient-llm/policies` on Redis, so that circuit breakers and rate
 * limiters of many processes can start from the snapshot another one saved (`hydrate()`).
 * Snapshots are stored as JSON with a version tag; a value that does not parse or has
 * another version reads as no state. Each save replaces the snapshot (last writer wins):
 * probes and permits are not coordinated across processes.
 * @typeParam State The JSON-serialisable snapshot a policy saves (a breaker's or a limiter's).
 */
export class RedisStateStore<State> implements StateStore<State> {
  private readonly client: Pick<RedisCacheClient, 'get' | 'set'>;
  private readonly keyPrefix: string;

  constructor(options: RedisStateStoreOptions) {
    assertRedisOptions(options, ['get', 'set']);
    const { client, keyPrefix = defaultRedisStateStoreOptions.keyPrefix } = options;
    this.client = client;
    this.keyPrefix = keyPrefix;
  }

  async load(key: string): Promise<State | undefined> {
    const text = await this.client.get(this.keyPrefix + key);
    if (typeof text !== 'string') return undefined;
    try {
      const stored = JSON.parse(text) as { v?: unknown; state?: State };
      return stored?.v === stateVersion ? stored.state : undefined;
    } catch {
      return undefined;
    }
  }

  async save(key: string, state: State): Promise<void> {
    await this.client.set(this.keyPrefix + key, JSON.stringify({ v: stateVersion, state }));
  }
}
