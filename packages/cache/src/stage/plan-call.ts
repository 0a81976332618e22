import { InvalidOptionError } from '@resilient-llm/policies';
import {
  assertObject,
  assertOptions,
  assertString,
  optionKeys,
} from '@resilient-llm/policies/validation';
import type { CacheScope } from '../key/cache-scope';
import { deriveCacheKey } from '../key/derive-cache-key';
import { assertCacheControl } from './cache-control';
import type { CacheBypassReason } from './cache-event';
import type { CacheCallContext } from './pipeline-shapes';
import type { PreparedCacheStageOptions } from './prepare-cache-stage-options';

/** What one cacheable call resolved to before it looks anything up. */
export interface CallPlan {
  /** The store key. */
  readonly key: string;
  readonly ttlMs: number;
  readonly staleWhileRevalidateMs: number;
}

/**
 * Applies the call's control and derives its key; `undefined` (after `bypass` reported why)
 * when the call must not use the cache.
 */
export async function planCall<TRequest, TPart>(
  request: TRequest,
  context: CacheCallContext,
  prepared: PreparedCacheStageOptions<TRequest, TPart>,
  bypass: (reason: CacheBypassReason, error?: unknown) => undefined,
): Promise<CallPlan | undefined> {
  const given = prepared.controlOf(request);
  assertCacheControl(given);
  const control = given ?? {};
  if (control.skip) return bypass('skip');
  if (context.mode === 'stream' && !prepared.partRole) return bypass('stream-without-part-role');
  const ttlMs = control.ttlMs ?? prepared.ttlMs;
  const staleWhileRevalidateMs = control.staleWhileRevalidateMs ?? prepared.staleWhileRevalidateMs;
  try {
    const material = prepared.keyMaterial(request);
    const cacheNonDeterministic = control.cacheNonDeterministic ?? prepared.cacheNonDeterministic;
    if (!cacheNonDeterministic && prepared.isNonDeterministic(request, material))
      return bypass('non-deterministic');
    const scope = await prepared.scopeOf?.(request);
    assertScope(scope);
    let credentials: string | undefined;
    if (prepared.fingerprintOf) {
      // Never share by accident: a request whose credentials are unknown is not cached.
      if (typeof scope?.credentials !== 'object' || scope.credentials === null)
        throw new TypeError('the scope of the request names no credentials');
      credentials = await prepared.fingerprintOf(scope.credentials);
    }
    const key = await deriveCacheKey({
      namespace: control.namespace ?? prepared.namespaceOf(request),
      targetId: prepared.targetId,
      endpoint: scope?.endpoint,
      credentials,
      mode: context.mode,
      material,
    });
    return { key, ttlMs, staleWhileRevalidateMs };
  } catch (error) {
    // A scope of the wrong shape is a bug in the `scope` option: the caller hears of it.
    if (error instanceof InvalidOptionError) throw error;
    // The key material or scope threw, or has no canonical form: go upstream uncached.
    return bypass('uncacheable-request', error);
  }
}

const scopeKeys = optionKeys<CacheScope>({ endpoint: true, credentials: true });

/** Refuses a scope with an unknown key (`endpiont`) or a field of the wrong type, naming it. */
function assertScope(scope: unknown): asserts scope is CacheScope | undefined {
  assertOptions('scope', scope, scopeKeys);
  const { endpoint, credentials } = (scope ?? {}) as Partial<CacheScope>;
  assertString('scope.endpoint', endpoint, { allowEmpty: true });
  assertObject('scope.credentials', credentials);
}
