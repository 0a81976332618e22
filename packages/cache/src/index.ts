export {
  KeyvCacheStore,
  type KeyvCacheStoreOptions,
  type KeyvLike,
} from './adapters/keyv-cache-store';
export {
  defaultUnstorageCacheStoreOptions,
  UnstorageCacheStore,
  type UnstorageCacheStoreOptions,
  type UnstorageLike,
} from './adapters/unstorage-cache-store';
export type { EncryptionKey } from './crypto/value-cipher';
export type {
  CacheCodec,
  CacheEntry,
  GenerateCacheEntry,
  RecordedUsage,
  StreamCacheEntry,
} from './entry/cache-entry';
export { jsonCodec } from './entry/json-codec';
export { CacheStoreTimeoutError } from './errors/cache-store-timeout-error';
export { CorruptCacheEntryError } from './errors/corrupt-cache-entry-error';
export { UncacheableValueError } from './errors/uncacheable-value-error';
export { canonicalJson } from './key/canonical-json';
export { type CacheKeyInput, deriveCacheKey } from './key/derive-cache-key';
export type { FingerprintSecret } from './key/fingerprint-secret';
export { sha256Hex } from './key/sha256-hex';
export { type CacheControl, readCacheControl, withCacheControl } from './stage/cache-control';
export type {
  CacheBypassReason,
  CacheEvent,
  CacheEventOf,
  CacheEventType,
  CacheSkipReason,
  CacheStageEvents,
  CacheStoreOperation,
} from './stage/cache-event';
export type { CacheStage } from './stage/cache-stage';
export {
  type CacheKeyBinding,
  type CacheStageOptions,
  defaultCacheStageOptions,
  defaultStoreBreakerOptions,
  type StoreBreakerOptions,
} from './stage/cache-stage-options';
export type { CacheStats } from './stage/cache-stats';
export { createCacheStage } from './stage/create-cache-stage';
export { isNonDeterministic } from './stage/is-non-deterministic';
export type {
  CacheSetOptions,
  CacheStore,
  CacheStoreCapabilities,
  CacheStoreItem,
} from './store/cache-store';
export { entryOverheadBytes, estimateEntryBytes } from './store/estimate-entry-bytes';
export { MemoryCacheStore } from './store/memory-cache-store';
export {
  defaultMemoryCacheStoreOptions,
  type MemoryCacheStoreOptions,
} from './store/memory-cache-store-options';
