/** Token usage recorded with a stream, replayed as the stream's `usage`. */
export interface RecordedUsage {
  /** Prompt tokens, including cached ones. */
  readonly inputTokens?: number;
  /** Completion tokens. */
  readonly outputTokens?: number;
  /** Prompt tokens served from the provider's prompt cache. */
  readonly cachedInputTokens?: number;
}

/** When an entry was stored and how long it serves. */
interface EntryTimes {
  /** Version of the entry layout; entries of another version read as corrupt. */
  readonly v: 1;
  /** Epoch milliseconds when it was stored. */
  readonly storedAt: number;
  /** Until then (epoch ms) it is served as fresh. */
  readonly freshUntil: number;
  /** Until then (epoch ms) it is served stale while a background call refreshes it. */
  readonly staleUntil: number;
}

/** A cached answer of a `generate` call. */
export interface GenerateCacheEntry extends EntryTimes {
  readonly kind: 'generate';
  readonly response: unknown;
}

/** A cached stream: every part of a stream that ended normally with its finish part. */
export interface StreamCacheEntry extends EntryTimes {
  readonly kind: 'stream';
  readonly parts: readonly unknown[];
  readonly usage?: RecordedUsage;
  /** What the stream opened (the binding's `cacheOpened` of it), given back on a hit. */
  readonly opened?: unknown;
}

/** What the cache stage stores, serialised by a {@link CacheCodec}. */
export type CacheEntry = GenerateCacheEntry | StreamCacheEntry;

/**
 * Turns entries into store values and back. `decode` may return anything: the stage checks
 * the shape and version, and deletes what does not fit.
 */
export interface CacheCodec {
  encode(entry: CacheEntry): string;
  decode(text: string): unknown;
}
