import type {
  Binding,
  CacheScope,
  GenerateBinding,
  StreamPartRole,
} from '@resilient-llm/core/binding';
import { optionKeys } from '@resilient-llm/policies/validation';
import type { EncryptionKey } from '../crypto/value-cipher';
import type { CacheCodec } from '../entry/cache-entry';
import type { FingerprintSecret } from '../key/fingerprint-secret';
import type { CacheStore } from '../store/cache-store';
import type { CacheControl } from './cache-control';

/**
 * The members of a core `Binding` the cache stage uses: any binding fits, whatever its
 * response type, a `GenerateBinding` (no stream roles) too, and so does an object with just
 * these.
 * @typeParam TTarget What a target is for the binding (an OpenAI client and model, an AI SDK
 * model).
 * @typeParam TRequest The request the binding's SDK takes (OpenAI chat or responses params, AI SDK
 * call options).
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part).
 */
export type CacheKeyBinding<TTarget, TRequest, TPart> = Pick<
  GenerateBinding<TTarget, TRequest, unknown>,
  'targetId' | 'cacheKey' | 'cacheScope' | 'cacheResponse'
> &
  Partial<
    Pick<Binding<TTarget, TRequest, unknown, TPart>, 'partRole' | 'cachePart' | 'cacheOpened'>
  >;

/** Settings of the breaker that skips a failing store. */
export interface StoreBreakerOptions {
  /**
   * Store failures or timeouts in a row that open the breaker. Defaults to 3
   * (`defaultStoreBreakerOptions.failureThreshold`).
   */
  failureThreshold?: number;
  /**
   * How long an open breaker skips the store before one operation probes it, in ms. Defaults
   * to 5000 (`defaultStoreBreakerOptions.cooldownMs`).
   */
  cooldownMs?: number;
}

/**
 * Options of {@link createCacheStage}. In a model (`createResilientModel({ stages: [cache] })`)
 * only `store` is needed: at setup the stage takes the model's binding and first target, so
 * the key material is `binding.cacheKey(request, target)`, the identity
 * `binding.targetId(target)` and the scope `binding.cacheScope(request, target)`. Outside a
 * model, give `binding` + `target`, or `keyOf` (identity `targetId`) with `scope` or
 * `shareAcrossCredentials`. An option given wins over what the model's binding would give.
 * @typeParam TTarget What a target is for the binding (an OpenAI client and model, an AI SDK
 * model).
 * @typeParam TRequest The request the binding's SDK takes (OpenAI chat or responses params, AI SDK
 * call options).
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part).
 */
export interface CacheStageOptions<TTarget, TRequest, TPart> {
  /** Where entries live (required). */
  store: CacheStore;
  /**
   * The stage's name, shown as `targetId` of answers from the cache. Defaults to `'cache'`
   * (`defaultCacheStageOptions.name`).
   */
  name?: string;
  /** The binding whose `cacheKey` and `partRole` to use. Defaults to none (then `keyOf` is required). */
  binding?: CacheKeyBinding<TTarget, TRequest, TPart>;
  /** The target whose identity keys entries; required with `binding`. In a model, without `binding`, the model's first target unless given. Defaults to none. */
  target?: TTarget;
  /** Key material of a request: the fields that affect the output. Defaults to `binding.cacheKey`. */
  keyOf?: (request: TRequest) => unknown;
  /**
   * Identity of what answers, used with `keyOf`: `binding.targetId(target)` when both are
   * given. Defaults to `'default'` (`defaultCacheStageOptions.targetId`) otherwise.
   */
  targetId?: string;
  /** The role of a stream part; without it (and without `binding`) streams are not cached. Defaults to `binding.partRole`. */
  partRole?: (part: TPart) => StreamPartRole;
  /**
   * The namespace (tenant) of every entry, or a function of the request. Defaults to
   * `'default'` (`defaultCacheStageOptions.namespace`).
   */
  namespace?: string | ((request: TRequest) => string);
  /**
   * The endpoint and credentials a request would be sent with; entries are keyed by the
   * endpoint and by an HMAC-SHA-256 of the credentials, so callers with other credentials
   * never share an answer. Defaults to `binding.cacheScope(request, target)`; without either
   * (and without `shareAcrossCredentials`) the stage refuses to be built.
   */
  scope?: (request: TRequest) => CacheScope | Promise<CacheScope>;
  /**
   * Share answers across credentials: callers with other API keys get each other's entries
   * (the endpoint still keys them). Only for callers who may all see each other's answers.
   * Defaults to `false` (`defaultCacheStageOptions.shareAcrossCredentials`).
   */
  shareAcrossCredentials?: boolean;
  /**
   * Key of the HMAC that fingerprints credentials (at least 16 bytes; a string counts its
   * UTF-8 bytes). Give every process of a fleet the same secret for them to share entries.
   * Defaults to a random secret of this process: stages of one process share, no two
   * processes do.
   */
  fingerprintSecret?: FingerprintSecret;
  /**
   * Encrypts every stored value with AES-GCM (a random 96-bit IV per value, the store key as
   * additional data): an AES-GCM `CryptoKey`, or 16, 24 or 32 raw bytes. A value that does
   * not decrypt (another key, changed) is a miss and a `corrupt-entry` event. Defaults to
   * none (values stored as the codec encodes them).
   */
  encryptionKey?: EncryptionKey;
  /**
   * Skips the store after repeated failures or timeouts, for a cool-down, then probes it with
   * one operation; `false` switches it off. Defaults to `{ failureThreshold: 3, cooldownMs: 5000 }`
   * (`defaultCacheStageOptions.storeBreaker`).
   */
  storeBreaker?: StoreBreakerOptions | false;
  /** How long an answer stays fresh, in ms. Defaults to 3600000 (`defaultCacheStageOptions.ttlMs`, 1 hour). */
  ttlMs?: number;
  /**
   * How long past `ttlMs` an answer is served stale while one call refreshes it in the
   * background, in ms. Defaults to 0 (`defaultCacheStageOptions.staleWhileRevalidateMs`): off.
   */
  staleWhileRevalidateMs?: number;
  /**
   * Largest entry stored, in UTF-8 bytes of its encoded form; larger ones are skipped.
   * Defaults to 1048576 (`defaultCacheStageOptions.maxEntryBytes`, 1 MiB).
   */
  maxEntryBytes?: number;
  /**
   * Longest wait for a store operation, in ms; past it a read goes upstream. Defaults to 100
   * (`defaultCacheStageOptions.storeTimeoutMs`).
   */
  storeTimeoutMs?: number;
  /**
   * Cache requests whose sampling is not deterministic. Defaults to `false`
   * (`defaultCacheStageOptions.cacheNonDeterministic`).
   */
  cacheNonDeterministic?: boolean;
  /** Whether a request samples non-deterministically. Defaults to "the key material has `temperature` > 0". */
  isNonDeterministic?: (request: TRequest, material: unknown) => boolean;
  /** Per-call control of a request. Defaults to reading what `withCacheControl` attached. */
  control?: (request: TRequest) => CacheControl | undefined;
  /** Encodes entries for the store. Defaults to `jsonCodec` (JSON). */
  codec?: CacheCodec;
}

/** Every key of {@link CacheStageOptions}; another key is refused with a suggestion. */
export const cacheStageOptionKeys = optionKeys<CacheStageOptions<unknown, unknown, unknown>>({
  store: true,
  name: true,
  binding: true,
  target: true,
  keyOf: true,
  targetId: true,
  partRole: true,
  namespace: true,
  scope: true,
  shareAcrossCredentials: true,
  fingerprintSecret: true,
  encryptionKey: true,
  storeBreaker: true,
  ttlMs: true,
  staleWhileRevalidateMs: true,
  maxEntryBytes: true,
  storeTimeoutMs: true,
  cacheNonDeterministic: true,
  isNonDeterministic: true,
  control: true,
  codec: true,
});

/** Every key of {@link StoreBreakerOptions}. */
export const storeBreakerOptionKeys = optionKeys<StoreBreakerOptions>({
  failureThreshold: true,
  cooldownMs: true,
});

/** The values the cache stage applies to the {@link StoreBreakerOptions} left out. */
export const defaultStoreBreakerOptions = {
  failureThreshold: 3,
  cooldownMs: 5_000,
} as const satisfies StoreBreakerOptions;

/**
 * The values the cache stage applies to the {@link CacheStageOptions} left out (those whose
 * default is a value; the others default to what the binding gives).
 */
export const defaultCacheStageOptions = {
  name: 'cache',
  targetId: 'default',
  namespace: 'default',
  shareAcrossCredentials: false,
  ttlMs: 3_600_000,
  staleWhileRevalidateMs: 0,
  maxEntryBytes: 1024 * 1024,
  storeTimeoutMs: 100,
  storeBreaker: defaultStoreBreakerOptions,
  cacheNonDeterministic: false,
} as const satisfies Partial<CacheStageOptions<unknown, unknown, unknown>>;
