/** Why a call did not use the cache at all. */
export type CacheBypassReason =
  | 'skip'
  | 'non-deterministic'
  | 'uncacheable-request'
  | 'stream-without-part-role';

/** Why an answer was not stored. */
export type CacheSkipReason = 'oversize' | 'incomplete-stream' | 'unencodable';

/** A store operation, as `cache-store-error` events name it. */
export type CacheStoreOperation = 'get' | 'set' | 'delete';

/** What every cache event carries: its type and the name of the stage that sent it. */
interface CacheEventOfType<TType extends string> {
  readonly type: TType;
  /** The name of the cache stage (its `name` option; `cache` by default). */
  readonly stage: string;
}

/**
 * What the cache stage reports, by type. They are stage events of the model's one event
 * stream (`model.on('cache-hit', ...)`, `telemetry`) and of `cacheStage.on`. Keys are the
 * 64-hex SHA-256 keys, never prompts or credentials.
 */
export interface CacheStageEvents {
  /** A call was answered from the store (`stale`: while one call refreshes it). */
  'cache-hit': CacheEventOfType<'cache-hit'> & {
    readonly key: string;
    readonly bytes: number;
    readonly stale: boolean;
  };
  /** A call found nothing usable and goes upstream. */
  'cache-miss': CacheEventOfType<'cache-miss'> & { readonly key: string };
  /** A call joined an identical call in flight (sent as it joins). */
  'cache-shared': CacheEventOfType<'cache-shared'> & { readonly key: string };
  /** An answer was stored (once the store acknowledged). */
  'cache-write': CacheEventOfType<'cache-write'> & {
    readonly key: string;
    readonly bytes: number;
  };
  /** An answer was not stored. */
  'cache-skip': CacheEventOfType<'cache-skip'> & {
    readonly key: string;
    readonly reason: CacheSkipReason;
    readonly bytes?: number;
  };
  /** A call did not use the cache at all. */
  'cache-bypass': CacheEventOfType<'cache-bypass'> & {
    readonly reason: CacheBypassReason;
    readonly error?: unknown;
  };
  /** A store operation failed or timed out (the call went on without it). */
  'cache-store-error': CacheEventOfType<'cache-store-error'> & {
    readonly key: string;
    readonly operation: CacheStoreOperation;
    readonly error: unknown;
  };
  /** The store breaker changed state: `open` (the store is skipped), `half-open`, `closed`. */
  'cache-store-breaker': CacheEventOfType<'cache-store-breaker'> & {
    readonly state: 'open' | 'half-open' | 'closed';
  };
  /** An entry did not decode or decrypt; it was deleted. */
  'cache-corrupt-entry': CacheEventOfType<'cache-corrupt-entry'> & {
    readonly key: string;
    readonly error: unknown;
  };
  /** A background refresh of a stale entry ended (`error` when it failed). */
  'cache-revalidate': CacheEventOfType<'cache-revalidate'> & {
    readonly key: string;
    readonly error?: unknown;
  };
}

/** One event of the cache stage. */
export type CacheEvent = CacheStageEvents[keyof CacheStageEvents];

/** The type names of {@link CacheEvent}. */
export type CacheEventType = CacheEvent['type'];

/**
 * The event of one type.
 * @typeParam TType One of the cache event type names ({@link CacheEventType}).
 */
export type CacheEventOf<TType extends CacheEventType> = Extract<CacheEvent, { type: TType }>;

declare module '@resilient-llm/core' {
  /** The cache stage's events join the model's event stream: `model.on('cache-hit', ...)`. */
  interface StageEvents extends CacheStageEvents {}
}
