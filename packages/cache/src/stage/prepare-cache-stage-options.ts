import { InvalidOptionError, type MaybePromise } from '@resilient-llm/policies';
import {
  assertBoolean,
  assertFunction,
  assertNumber,
  assertOptions,
} from '@resilient-llm/policies/validation';
import type { ValueCipher } from '../crypto/value-cipher';
import type { CacheCodec } from '../entry/cache-entry';
import { jsonCodec } from '../entry/json-codec';
import type { CacheScope } from '../key/cache-scope';
import type { CredentialFingerprinter } from '../key/credential-fingerprint';
import type { CacheStore } from '../store/cache-store';
import { type CacheControl, readCacheControl } from './cache-control';
import {
  type CacheStageOptions,
  cacheStageOptionKeys,
  defaultCacheStageOptions,
} from './cache-stage-options';
import { isNonDeterministic as defaultIsNonDeterministic } from './is-non-deterministic';
import type { CachePartRole } from './pipeline-shapes';
import { prepareCipher } from './prepare-cipher';
import { prepareFingerprinter } from './prepare-fingerprinter';
import { prepareStoreBreaker } from './prepare-store-breaker';
import type { StoreBreakerSettings } from './store-breaker';

/** {@link CacheStageOptions} checked, with defaults applied and the key source resolved. */
export interface PreparedCacheStageOptions<TRequest, TPart> {
  readonly store: CacheStore;
  readonly name: string;
  readonly keyMaterial: (request: TRequest) => unknown;
  readonly targetId: string;
  readonly partRole: ((part: TPart) => CachePartRole) | undefined;
  readonly namespaceOf: (request: TRequest) => string;
  /** The endpoint and credentials of a request; undefined when none is known (shared mode only). */
  readonly scopeOf: ((request: TRequest) => MaybePromise<CacheScope>) | undefined;
  /** Fingerprints the credentials of a request; undefined when answers are shared across them. */
  readonly fingerprintOf: CredentialFingerprinter | undefined;
  readonly cipher: ValueCipher | undefined;
  readonly storeBreaker: StoreBreakerSettings | undefined;
  /** What is stored of a response and of a stream part (the binding's `cacheResponse` and `cachePart`). */
  readonly storedResponse: (response: unknown) => unknown;
  readonly storedPart: (part: TPart) => TPart;
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
): PreparedCacheStageOptions<TRequest, TPart> {
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
  if (typeof name !== 'string' || name === '')
    throw new InvalidOptionError({
      field: 'name',
      value: name,
      reason: 'must be a non-empty string',
    });
  assertBoolean('cacheNonDeterministic', cacheNonDeterministic);
  assertFunction('keyOf', keyOf);
  assertFunction('partRole', partRole);
  assertFunction('isNonDeterministic', isNonDeterministic);
  assertFunction('control', control);
  assertFunction('scope', scope);
  if (typeof shareAcrossCredentials !== 'boolean')
    throw new InvalidOptionError({
      field: 'shareAcrossCredentials',
      value: shareAcrossCredentials,
      reason: 'must be true or false',
    });
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
  const keySource = resolveKeySource({ binding, target, keyOf, targetId });
  const scopeOf = resolveScope({ binding, target, scope, shareAcrossCredentials });
  return {
    store,
    name,
    ...keySource,
    partRole: partRole ?? (binding ? (part) => binding.partRole(part) : undefined),
    namespaceOf: typeof namespace === 'function' ? namespace : () => namespace,
    scopeOf,
    fingerprintOf: prepareFingerprinter(fingerprintSecret, shareAcrossCredentials),
    cipher: prepareCipher(encryptionKey),
    storeBreaker: prepareStoreBreaker(storeBreaker),
    storedResponse: binding?.cacheResponse
      ? (response) => binding.cacheResponse!(response)
      : (response) => response,
    storedPart: binding?.cachePart ? (part) => binding.cachePart!(part) : (part) => part,
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

function resolveKeySource<TTarget, TRequest, TPart>({
  binding,
  target,
  keyOf,
  targetId,
}: Pick<CacheStageOptions<TTarget, TRequest, TPart>, 'binding' | 'target' | 'keyOf' | 'targetId'>) {
  if (targetId !== undefined && (typeof targetId !== 'string' || targetId === ''))
    throw new InvalidOptionError({
      field: 'targetId',
      value: targetId,
      reason: 'must be a non-empty string',
    });
  if (keyOf)
    return {
      keyMaterial: keyOf,
      targetId:
        targetId ??
        (binding && target !== undefined
          ? binding.targetId(target)
          : defaultCacheStageOptions.targetId),
    };
  if (!binding)
    throw new InvalidOptionError({
      field: 'keyOf',
      value: keyOf,
      reason: 'is required without a binding',
    });
  if (target === undefined)
    throw new InvalidOptionError({
      field: 'target',
      value: target,
      reason: 'is required with a binding',
    });
  const cacheKey = binding.cacheKey;
  if (typeof cacheKey !== 'function')
    throw new InvalidOptionError({
      field: 'binding.cacheKey',
      value: cacheKey,
      reason: 'is missing: the binding gives no key material, so pass keyOf',
    });
  return {
    keyMaterial: (request: TRequest) => cacheKey.call(binding, request, target),
    targetId: targetId ?? binding.targetId(target),
  };
}

function resolveScope<TTarget, TRequest, TPart>({
  binding,
  target,
  scope,
  shareAcrossCredentials,
}: Pick<CacheStageOptions<TTarget, TRequest, TPart>, 'binding' | 'target' | 'scope'> & {
  shareAcrossCredentials: boolean;
}): ((request: TRequest) => MaybePromise<CacheScope>) | undefined {
  if (scope) return scope;
  const cacheScope = binding?.cacheScope;
  if (typeof cacheScope === 'function' && target !== undefined)
    return (request) => cacheScope.call(binding, request, target);
  if (shareAcrossCredentials) return undefined;
  throw new InvalidOptionError({
    field: 'scope',
    value: scope,
    reason:
      'is required: nothing tells the credentials of a request (the binding has no cacheScope), so answers could cross API keys; pass scope, or shareAcrossCredentials: true if every caller may see every answer',
  });
}
