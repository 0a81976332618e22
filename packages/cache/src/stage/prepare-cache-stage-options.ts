import {
  assertBoolean,
  assertFunction,
  assertNumber,
  assertOptions,
  assertString,
  InvalidOptionError,
} from '@resilient-llm/policies/validation';
import type { ValueCipher } from '../crypto/value-cipher';
import type { CacheCodec } from '../entry/cache-entry';
import { jsonCodec } from '../entry/json-codec';
import type { CredentialFingerprinter } from '../key/credential-fingerprint';
import type { CacheStore } from '../store/cache-store';
import { type CacheControl, readCacheControl } from './cache-control';
import {
  type CacheStageOptions,
  cacheStageOptionKeys,
  defaultCacheStageOptions,
} from './cache-stage-options';
import { isNonDeterministic as defaultIsNonDeterministic } from './is-non-deterministic';
import { prepareCipher } from './prepare-cipher';
import { prepareFingerprinter } from './prepare-fingerprinter';
import { prepareStoreBreaker } from './prepare-store-breaker';
import type { StoreBreakerSettings } from './store-breaker';
import type { WiringOptions, WiringSource } from './wire-cache-stage';

/** {@link CacheStageOptions} checked, with defaults applied. */
export interface PreparedCacheStageOptions<TTarget, TRequest, TPart> {
  readonly store: CacheStore;
  readonly name: string;
  /** The options that decide the stage's wiring (see `wireCacheStage`). */
  readonly wiring: WiringOptions<TTarget, TRequest, TPart>;
  /** The stage's own `binding` + `target`, which win over a model's; none when not given. */
  readonly ownSource: WiringSource<TTarget, TRequest, TPart> | undefined;
  /** The target to key by in a model, instead of its first; none when not given. */
  readonly target: TTarget | undefined;
  readonly namespaceOf: (request: TRequest) => string;
  /** Fingerprints the credentials of a request; undefined when answers are shared across them. */
  readonly fingerprintOf: CredentialFingerprinter | undefined;
  readonly cipher: ValueCipher | undefined;
  readonly storeBreaker: StoreBreakerSettings | undefined;
  readonly ttlMs: number;
  readonly staleWhileRevalidateMs: number;
  readonly maxEntryBytes: number;
  readonly storeTimeoutMs: number;
  readonly cacheNonDeterministic: boolean;
  readonly isNonDeterministic: (request: TRequest, material: unknown) => boolean;
  readonly controlOf: (request: TRequest) => CacheControl | undefined;
  readonly codec: CacheCodec;
}

const timeRule = { min: 1, max: 2 ** 31 - 1, integer: true } as const;

/** Validates the options of a cache stage; a bad value throws `InvalidOptionError` naming it. */
export function prepareCacheStageOptions<TTarget, TRequest, TPart>(
  options: CacheStageOptions<TTarget, TRequest, TPart>,
): PreparedCacheStageOptions<TTarget, TRequest, TPart> {
  assertOptions('', options, cacheStageOptionKeys);
  const {
    store,
    name = defaultCacheStageOptions.name,
    binding,
    target,
    keyOf,
    targetId,
    partRole,
    namespace = defaultCacheStageOptions.namespace,
    scope,
    shareAcrossCredentials = defaultCacheStageOptions.shareAcrossCredentials,
    fingerprintSecret,
    encryptionKey,
    storeBreaker = defaultCacheStageOptions.storeBreaker,
    ttlMs = defaultCacheStageOptions.ttlMs,
    staleWhileRevalidateMs = defaultCacheStageOptions.staleWhileRevalidateMs,
    maxEntryBytes = defaultCacheStageOptions.maxEntryBytes,
    storeTimeoutMs = defaultCacheStageOptions.storeTimeoutMs,
    cacheNonDeterministic = defaultCacheStageOptions.cacheNonDeterministic,
    isNonDeterministic = defaultIsNonDeterministic,
    control = readCacheControl,
    codec = jsonCodec,
  } = options;
  assertStore(store);
  assertString('name', name);
  assertBoolean('cacheNonDeterministic', cacheNonDeterministic);
  assertFunction('keyOf', keyOf);
  assertFunction('partRole', partRole);
  assertFunction('isNonDeterministic', isNonDeterministic);
  assertFunction('control', control);
  assertFunction('scope', scope);
  assertBoolean('shareAcrossCredentials', shareAcrossCredentials);
  assertNumber('ttlMs', ttlMs, timeRule);
  assertNumber('staleWhileRevalidateMs', staleWhileRevalidateMs, { ...timeRule, min: 0 });
  assertNumber('maxEntryBytes', maxEntryBytes, { min: 1, integer: true });
  assertNumber('storeTimeoutMs', storeTimeoutMs, timeRule);
  if (typeof namespace !== 'function' && (typeof namespace !== 'string' || namespace === ''))
    throw new InvalidOptionError({
      field: 'namespace',
      value: namespace,
      reason: 'must be a non-empty string or a function',
    });
  if (typeof codec?.encode !== 'function' || typeof codec.decode !== 'function')
    throw new InvalidOptionError({
      field: 'codec',
      value: codec,
      reason: 'needs encode and decode',
    });
  assertString('targetId', targetId);
  if (binding && target === undefined)
    throw new InvalidOptionError({
      field: 'target',
      value: target,
      reason: 'is required with a binding',
    });
  return {
    store,
    name,
    wiring: { keyOf, targetId, partRole, scope, shareAcrossCredentials },
    ownSource: binding ? { binding, target: target as TTarget } : undefined,
    target,
    namespaceOf: typeof namespace === 'function' ? namespace : () => namespace,
    fingerprintOf: prepareFingerprinter(fingerprintSecret, shareAcrossCredentials),
    cipher: prepareCipher(encryptionKey),
    storeBreaker: prepareStoreBreaker(storeBreaker),
    ttlMs,
    staleWhileRevalidateMs,
    maxEntryBytes,
    storeTimeoutMs,
    cacheNonDeterministic,
    isNonDeterministic,
    controlOf: control,
    codec,
  };
}

function assertStore(store: unknown): asserts store is CacheStore {
  const candidate = store as Partial<CacheStore> | undefined;
  const valid =
    typeof candidate?.get === 'function' &&
    typeof candidate.set === 'function' &&
    typeof candidate.delete === 'function' &&
    typeof candidate.capabilities === 'object';
  if (!valid)
    throw new InvalidOptionError({
      field: 'store',
      value: store,
      reason: 'must be a CacheStore (capabilities, get, set, delete)',
    });
}
