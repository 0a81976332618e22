import type { CacheCodec } from '../entry/cache-entry';
import type { CacheStore } from '../store/cache-store';
import type { CacheControl } from './cache-control';
import type { CachePartRole } from './pipeline-shapes';

/** The parts of a binding the cache stage uses (a `@resilient-llm/core` binding fits). */
export interface CacheKeyBinding<TTarget, TRequest, TPart> {
  targetId(target: TTarget): string;
  cacheKey?(request: TRequest, target: TTarget): unknown;
  partRole(part: TPart): CachePartRole;
}

/**
 * Options of {@link createCacheStage}. The key material comes either from `binding` +
 * `target` (`binding.cacheKey(request, target)`, identity `binding.targetId(target)`) or from
 * `keyOf` (identity `targetId`).
 */
export interface CacheStageOptions<TTarget, TRequest, TPart> {
  /** Where entries live (required). */
  store: CacheStore;
  /** The stage's name, shown as `targetId` of answers from the cache. Defaults to `cache`. */
  name?: string;
  /** The binding whose `cacheKey` and `partRole` to use. Defaults to none (then `keyOf` is required). */
  binding?: CacheKeyBinding<TTarget, TRequest, TPart>;
  /** The target whose identity keys entries, usually the first of the chain. Required with `binding`. */
  target?: TTarget;
  /** Key material of a request: the fields that affect the output. Defaults to `binding.cacheKey`. */
  keyOf?: (request: TRequest) => unknown;
  /** Identity of what answers, used with `keyOf`. Defaults to `binding.targetId(target)`, or `default`. */
  targetId?: string;
  /** The role of a stream part; without it (and without `binding`) streams are not cached. Defaults to `binding.partRole`. */
  partRole?: (part: TPart) => CachePartRole;
  /** The namespace (tenant) of every entry, or a function of the request. Defaults to `default`. */
  namespace?: string | ((request: TRequest) => string);
  /** How long an answer stays fresh, in ms. Defaults to 3 600 000 (1 hour). */
  ttlMs?: number;
  /** How long past `ttlMs` an answer is served stale while one call refreshes it in the background, in ms. Defaults to 0 (off). */
  staleWhileRevalidateMs?: number;
  /** Largest entry stored, in UTF-8 bytes of its encoded form; larger ones are skipped. Defaults to 1 MiB. */
  maxEntryBytes?: number;
  /** Longest wait for a store read, in ms; past it the call goes upstream. Defaults to 250. */
  storeTimeoutMs?: number;
  /** Cache requests whose sampling is not deterministic. Defaults to false. */
  cacheNonDeterministic?: boolean;
  /** Whether a request samples non-deterministically. Defaults to "the key material has `temperature` > 0". */
  isNonDeterministic?: (request: TRequest, material: unknown) => boolean;
  /** Per-call control of a request. Defaults to reading what `withCacheControl` attached. */
  control?: (request: TRequest) => CacheControl | undefined;
  /** Encodes entries for the store. Defaults to JSON. */
  codec?: CacheCodec;
}

/** The defaults of {@link CacheStageOptions}. */
export const defaultCacheStageOptions = {
  name: 'cache',
  targetId: 'default',
  namespace: 'default',
  ttlMs: 3_600_000,
  staleWhileRevalidateMs: 0,
  maxEntryBytes: 1024 * 1024,
  storeTimeoutMs: 250,
  cacheNonDeterministic: false,
} as const;
