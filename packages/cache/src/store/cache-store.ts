import type { MaybePromise } from '@resilient-llm/policies';

/** What a store can do beyond the required `get`, `set` and `delete`. */
export interface CacheStoreCapabilities {
  /** The store expires entries by itself when `set` passes `ttlMs`. */
  readonly ttl: boolean;
  /** The store implements `getMany`, `setMany` and `deleteMany`. */
  readonly batch: boolean;
}

/** Options of one {@link CacheStore.set}. */
export interface CacheSetOptions {
  /**
   * Time to live in milliseconds; the store drops the entry after it (when `capabilities.ttl`).
   * Defaults to no expiry.
   */
  readonly ttlMs?: number;
}

/** One entry of {@link CacheStore.setMany}. */
export interface CacheStoreItem {
  readonly key: string;
  readonly value: string;
  readonly options?: CacheSetOptions;
}

/**
 * Where cached responses live: a driver contract in the style of unstorage. The required
 * surface is small (`get`, `set`, `delete` of string values); batch methods are optional and
 * declared by `capabilities`. Every method may answer synchronously (memory) or with a
 * promise (remote). Every store of this repository runs one shared conformance suite
 * (`packages/test-utils/src/cache-store-conformance.ts`).
 *
 * A store may throw or reject: the cache stage reports it as a `store-error` event and goes
 * upstream, so a store outage never fails a call.
 */
export interface CacheStore {
  /** What the store supports beyond the required methods. */
  readonly capabilities: CacheStoreCapabilities;
  /** The value under `key`, or `undefined` when there is none (or it expired). */
  get(key: string): MaybePromise<string | undefined>;
  /** Saves `value` under `key`, replacing what was there (and its expiry). */
  set(key: string, value: string, options?: CacheSetOptions): MaybePromise<void>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): MaybePromise<void>;
  /** The values under `keys`, in order (`undefined` for each missing one). Present when `capabilities.batch`. */
  getMany?(keys: readonly string[]): MaybePromise<Array<string | undefined>>;
  /** Saves every item. Present when `capabilities.batch`. */
  setMany?(items: readonly CacheStoreItem[]): MaybePromise<void>;
  /** Removes every key. Present when `capabilities.batch`. */
  deleteMany?(keys: readonly string[]): MaybePromise<void>;
}
