import { systemClock } from '@resilient-llm/policies';
import { assertClock, assertNumber, assertOptions } from '@resilient-llm/policies/validation';
import { LRUCache } from 'lru-cache';
import type {
  CacheSetOptions,
  CacheStore,
  CacheStoreCapabilities,
  CacheStoreItem,
} from './cache-store';
import { estimateEntryBytes } from './estimate-entry-bytes';
import {
  defaultMemoryCacheStoreOptions,
  type MemoryCacheStoreOptions,
  memoryCacheStoreOptionKeys,
} from './memory-cache-store-options';

/**
 * A {@link CacheStore} in process memory on `lru-cache`, bounded by entry count and by bytes
 * (least recently used out first). Expiry follows the injected clock. Answers synchronously.
 */
export class MemoryCacheStore implements CacheStore {
  readonly capabilities: CacheStoreCapabilities = { ttl: true, batch: true };
  private readonly entries: LRUCache<string, string>;

  constructor(options: MemoryCacheStoreOptions = {}) {
    assertOptions('', options, memoryCacheStoreOptionKeys);
    const {
      maxEntries = defaultMemoryCacheStoreOptions.maxEntries,
      maxBytes = defaultMemoryCacheStoreOptions.maxBytes,
      maxEntryBytes = maxBytes,
      clock = systemClock,
    } = options;
    assertClock('clock', clock);
    assertNumber('maxEntries', maxEntries, { min: 1, integer: true });
    assertNumber('maxBytes', maxBytes, { min: 1, integer: true });
    assertNumber('maxEntryBytes', maxEntryBytes, { min: 1, max: maxBytes, integer: true });
    this.entries = new LRUCache<string, string>({
      max: maxEntries,
      maxSize: maxBytes,
      maxEntrySize: maxEntryBytes,
      sizeCalculation: (value, key) => estimateEntryBytes(key, value),
      // Read the clock on every check (no cached time, no timer) so an injected clock rules.
      perf: { now: () => clock.now() },
      ttlResolution: 0,
    });
  }

  /** Bytes held now, as `estimateEntryBytes` charges them. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  /** Entries held now. */
  get size(): number {
    return this.entries.size;
  }

  /** Milliseconds until `key` expires; `Infinity` without expiry, `undefined` when absent. */
  remainingTtlMs(key: string): number | undefined {
    return this.entries.has(key) ? this.entries.getRemainingTTL(key) : undefined;
  }

  get(key: string): string | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: string, { ttlMs }: CacheSetOptions = {}): void {
    this.entries.set(key, value, ttlMs === undefined ? undefined : { ttl: ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  getMany(keys: readonly string[]): Array<string | undefined> {
    return keys.map((key) => this.get(key));
  }

  setMany(items: readonly CacheStoreItem[]): void {
    for (const { key, value, options } of items) this.set(key, value, options);
  }

  deleteMany(keys: readonly string[]): void {
    for (const key of keys) this.delete(key);
  }
}
