import type { Clock } from '@resilient-llm/policies';
import { optionKeys } from '@resilient-llm/policies/validation';

/** Options of {@link MemoryCacheStore}. */
export interface MemoryCacheStoreOptions {
  /**
   * Most entries kept; the least recently used goes first. Defaults to 10000
   * (`defaultMemoryCacheStoreOptions.maxEntries`).
   */
  maxEntries?: number;
  /**
   * Most bytes kept, keys and values together, as `estimateEntryBytes` charges them; the least
   * recently used entries go first. Defaults to 67108864
   * (`defaultMemoryCacheStoreOptions.maxBytes`, 64 MiB).
   */
  maxBytes?: number;
  /** Largest single entry kept; a larger one is not stored. Defaults to `maxBytes`. */
  maxEntryBytes?: number;
  /** Source of time for expiry. Defaults to the system clock. */
  clock?: Clock;
}

/** Every key of {@link MemoryCacheStoreOptions}; another key is refused with a suggestion. */
export const memoryCacheStoreOptionKeys = optionKeys<MemoryCacheStoreOptions>({
  maxEntries: true,
  maxBytes: true,
  maxEntryBytes: true,
  clock: true,
});

/** The values {@link MemoryCacheStore} applies to the {@link MemoryCacheStoreOptions} left out. */
export const defaultMemoryCacheStoreOptions = {
  maxEntries: 10_000,
  maxBytes: 64 * 1024 * 1024,
} as const satisfies MemoryCacheStoreOptions;
