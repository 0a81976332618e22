import {
  assertMethods,
  assertOptions,
  assertRequired,
  optionKeys,
} from '@resilient-llm/policies/validation';
import type {
  CacheSetOptions,
  CacheStore,
  CacheStoreCapabilities,
  CacheStoreItem,
} from '../store/cache-store';

/** The methods of a Keyv instance (`keyv` >= 5) the adapter uses; a `new Keyv(...)` fits. */
export interface KeyvLike {
  get(key: string): Promise<unknown>;
  set(key: string, value: string, ttl?: number): Promise<unknown>;
  delete(key: string): Promise<unknown>;
  getMany(keys: string[]): Promise<unknown[]>;
  setMany(entries: Array<{ key: string; value: string; ttl?: number }>): Promise<unknown>;
  deleteMany(keys: string[]): Promise<unknown>;
}

/** Options of {@link KeyvCacheStore}. */
export interface KeyvCacheStoreOptions {
  /** The Keyv instance, with any of its storage adapters (required). */
  keyv: KeyvLike;
}

const keyvOptionKeys = optionKeys<KeyvCacheStoreOptions>({ keyv: true });
const keyvMethods = [
  'get',
  'set',
  'delete',
  'getMany',
  'setMany',
  'deleteMany',
] as const satisfies readonly (keyof KeyvLike)[];

/**
 * A {@link CacheStore} over Keyv, so any Keyv storage adapter (SQLite, Postgres, Mongo, Redis,
 * ...) can hold the cache. Keyv enforces `ttlMs` itself, on its own clock.
 */
export class KeyvCacheStore implements CacheStore {
  readonly capabilities: CacheStoreCapabilities = { ttl: true, batch: true };
  private readonly keyv: KeyvLike;

  constructor(options: KeyvCacheStoreOptions) {
    assertOptions('', options, keyvOptionKeys);
    const { keyv } = options;
    assertRequired('keyv', keyv);
    assertMethods('keyv', keyv, keyvMethods);
    this.keyv = keyv;
  }

  async get(key: string): Promise<string | undefined> {
    return asString(await this.keyv.get(key));
  }

  async set(key: string, value: string, { ttlMs }: CacheSetOptions = {}): Promise<void> {
    await this.keyv.set(key, value, ttlMs);
  }

  async delete(key: string): Promise<void> {
    await this.keyv.delete(key);
  }

  async getMany(keys: readonly string[]): Promise<Array<string | undefined>> {
    return (await this.keyv.getMany([...keys])).map(asString);
  }

  async setMany(items: readonly CacheStoreItem[]): Promise<void> {
    await this.keyv.setMany(
      items.map(({ key, value, options }) => ({ key, value, ttl: options?.ttlMs })),
    );
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    await this.keyv.deleteMany([...keys]);
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
