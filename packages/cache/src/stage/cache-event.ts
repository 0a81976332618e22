/** Why a call did not use the cache at all. */
export type CacheBypassReason =
  | 'skip'
  | 'non-deterministic'
  | 'uncacheable-request'
  | 'stream-without-part-role';

/** Why an answer was not stored. */
export type CacheSkipReason = 'oversize' | 'incomplete-stream' | 'unencodable';

/** A store operation, as `store-error` events name it. */
export type CacheStoreOperation = 'get' | 'set' | 'delete';

/** What the cache stage reports. Keys are the 64-hex SHA-256 keys, never prompts. */
export type CacheEvent =
  | { readonly type: 'hit'; readonly key: string; readonly bytes: number; readonly stale: boolean }
  | { readonly type: 'miss'; readonly key: string }
  | { readonly type: 'shared'; readonly key: string }
  | { readonly type: 'write'; readonly key: string; readonly bytes: number }
  | {
      readonly type: 'skip';
      readonly key: string;
      readonly reason: CacheSkipReason;
      readonly bytes?: number;
    }
  | { readonly type: 'bypass'; readonly reason: CacheBypassReason; readonly error?: unknown }
  | {
      readonly type: 'store-error';
      readonly key: string;
      readonly operation: CacheStoreOperation;
      readonly error: unknown;
    }
  | { readonly type: 'store-breaker'; readonly state: 'open' | 'half-open' | 'closed' }
  | { readonly type: 'corrupt-entry'; readonly key: string; readonly error: unknown }
  | { readonly type: 'revalidate'; readonly key: string; readonly error?: unknown };

/** The type names of {@link CacheEvent}. */
export type CacheEventType = CacheEvent['type'];

/** The event of one type. */
export type CacheEventOf<TType extends CacheEventType> = Extract<CacheEvent, { type: TType }>;
