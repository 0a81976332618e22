import type { CacheScope, StreamPartRole } from '@resilient-llm/core/binding';
import { InvalidOptionError, type MaybePromise } from '@resilient-llm/policies';
import type { CacheKeyBinding, CacheStageOptions } from './cache-stage-options';
import { defaultCacheStageOptions } from './cache-stage-options';

/** Where a cache stage takes what its options leave out: a binding and the target it keys by. */
export interface WiringSource<TTarget, TRequest, TPart> {
  readonly binding: CacheKeyBinding<TTarget, TRequest, TPart>;
  readonly target: TTarget;
}

/** What a cache stage learns of the model it serves: key material, identity, scope, stream roles. */
export interface CacheWiring<TRequest, TPart> {
  readonly keyMaterial: (request: TRequest) => unknown;
  readonly targetId: string;
  readonly partRole: ((part: TPart) => StreamPartRole) | undefined;
  /** The endpoint and credentials of a request; undefined when none is known (shared mode only). */
  readonly scopeOf: ((request: TRequest) => MaybePromise<CacheScope>) | undefined;
  /** What is stored of a response and of a stream part (the binding's `cacheResponse` and `cachePart`). */
  readonly storedResponse: (response: unknown) => unknown;
  readonly storedPart: (part: TPart) => TPart;
  /** What is stored of what a stream opened (the binding's `cacheOpened`). */
  readonly storedOpened: (opened: unknown) => unknown;
}

/** The options that decide a stage's wiring, already checked one by one. */
export type WiringOptions<TTarget, TRequest, TPart> = Pick<
  CacheStageOptions<TTarget, TRequest, TPart>,
  'keyOf' | 'targetId' | 'partRole' | 'scope'
> & { readonly shareAcrossCredentials: boolean };

/**
 * Wires a stage from its options, and for what they leave out from `source` (its own
 * `binding` + `target`, or the model it is set up in). Throws `InvalidOptionError` when
 * nothing gives key material, or nothing tells the credentials of a request and sharing
 * across them was not asked for.
 */
export function wireCacheStage<TTarget, TRequest, TPart>(
  options: WiringOptions<TTarget, TRequest, TPart>,
  source: WiringSource<TTarget, TRequest, TPart> | undefined,
): CacheWiring<TRequest, TPart> {
  const binding = source?.binding;
  return {
    keyMaterial: keyMaterialOf(options.keyOf, source),
    targetId:
      options.targetId ??
      (source ? source.binding.targetId(source.target) : defaultCacheStageOptions.targetId),
    partRole:
      options.partRole ?? (binding?.partRole ? (part) => binding.partRole!(part) : undefined),
    scopeOf: scopeOf(options, source),
    storedResponse: binding?.cacheResponse
      ? (response) => binding.cacheResponse!(response)
      : (response) => response,
    storedPart: binding?.cachePart ? (part) => binding.cachePart!(part) : (part) => part,
    storedOpened: binding?.cacheOpened
      ? (opened) => binding.cacheOpened!(opened)
      : (opened) => opened,
  };
}

function keyMaterialOf<TTarget, TRequest, TPart>(
  keyOf: ((request: TRequest) => unknown) | undefined,
  source: WiringSource<TTarget, TRequest, TPart> | undefined,
): (request: TRequest) => unknown {
  if (keyOf) return keyOf;
  if (!source)
    throw new InvalidOptionError({
      field: 'keyOf',
      value: keyOf,
      reason:
        'is required outside a model without a binding: list the stage in createResilientModel({ stages }), or pass binding and target, or keyOf',
    });
  const { binding, target } = source;
  const cacheKey = binding.cacheKey;
  if (typeof cacheKey !== 'function')
    throw new InvalidOptionError({
      field: 'binding.cacheKey',
      value: cacheKey,
      reason: 'is missing: the binding gives no key material, so pass keyOf',
    });
  return (request) => cacheKey.call(binding, request, target);
}

function scopeOf<TTarget, TRequest, TPart>(
  { scope, shareAcrossCredentials }: WiringOptions<TTarget, TRequest, TPart>,
  source: WiringSource<TTarget, TRequest, TPart> | undefined,
): ((request: TRequest) => MaybePromise<CacheScope>) | undefined {
  if (scope) return scope;
  const cacheScope = source?.binding.cacheScope;
  if (source && typeof cacheScope === 'function')
    return (request) => cacheScope.call(source.binding, request, source.target);
  if (shareAcrossCredentials) return undefined;
  throw new InvalidOptionError({
    field: 'scope',
    value: scope,
    reason:
      'is required: nothing tells the credentials of a request (the binding has no cacheScope), so answers could cross API keys; pass scope, or shareAcrossCredentials: true if every caller may see every answer',
  });
}
