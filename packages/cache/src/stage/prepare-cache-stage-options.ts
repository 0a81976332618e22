import { assertFunction, assertNumber, InvalidOptionError } from '@resilient-llm/policies';
import type { CacheCodec } from '../entry/cache-entry';
import { jsonCodec } from '../entry/json-codec';
import type { CacheStore } from '../store/cache-store';
import { type CacheControl, readCacheControl } from './cache-control';
import { type CacheStageOptions, defaultCacheStageOptions } from './cache-stage-options';
import { isNonDeterministic as defaultIsNonDeterministic } from './is-non-deterministic';
import type { CachePartRole } from './pipeline-shapes';

/** {@link CacheStageOptions} checked, with defaults applied and the key source resolved. */
export interface PreparedCacheStageOptions<TRequest, TPart> {
  readonly store: CacheStore;
  readonly name: string;
  readonly keyMaterial: (request: TRequest) => unknown;
  readonly targetId: string;
  readonly partRole: ((part: TPart) => CachePartRole) | undefined;
  readonly namespaceOf: (request: TRequest) => string;
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
export function prepareCacheStageOptions<TTarget, TRequest, TPart>({
  store,
  name = defaultCacheStageOptions.name,
  binding,
  target,
  keyOf,
  targetId,
  partRole,
  namespace = defaultCacheStageOptions.namespace,
  ttlMs = defaultCacheStageOptions.ttlMs,
  staleWhileRevalidateMs = defaultCacheStageOptions.staleWhileRevalidateMs,
  maxEntryBytes = defaultCacheStageOptions.maxEntryBytes,
  storeTimeoutMs = defaultCacheStageOptions.storeTimeoutMs,
  cacheNonDeterministic = defaultCacheStageOptions.cacheNonDeterministic,
  isNonDeterministic = defaultIsNonDeterministic,
  control = readCacheControl,
  codec = jsonCodec,
}: CacheStageOptions<TTarget, TRequest, TPart>): PreparedCacheStageOptions<TRequest, TPart> {
  assertStore(store);
  if (typeof name !== 'string' || name === '')
    throw new InvalidOptionError({
      field: 'name',
      value: name,
      reason: 'must be a non-empty string',
    });
  assertFunction('keyOf', keyOf);
  assertFunction('partRole', partRole);
  assertFunction('isNonDeterministic', isNonDeterministic);
  assertFunction('control', control);
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
  return {
    store,
    name,
    ...keySource,
    partRole: partRole ?? (binding ? (part) => binding.partRole(part) : undefined),
    namespaceOf: typeof namespace === 'function' ? namespace : () => namespace,
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
