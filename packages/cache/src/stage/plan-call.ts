import type { CallContext } from '@resilient-llm/core';
import type { CacheScope } from '@resilient-llm/core/binding';
import type { MaybePromise } from '@resilient-llm/policies';
import {
  assertObject,
  assertOptions,
  assertString,
  optionKeys,
} from '@resilient-llm/policies/validation';
import { cacheKeyOf } from '../key/derive-cache-key';
import { assertCacheControl, type CacheControl } from './cache-control';
import type { CacheBypassReason } from './cache-event';
import type { PreparedCacheStageOptions } from './prepare-cache-stage-options';
import type { CacheWiring } from './wire-cache-stage';

/** What one cacheable call resolved to before it looks anything up. */
export interface CallPlan {
  /** The store key. */
  readonly key: string;
  readonly ttlMs: number;
  readonly staleWhileRevalidateMs: number;
  /** Go upstream even on a hit, and store the fresh answer. */
  readonly refresh: boolean;
}

/**
 * The control of one call: its `cache` per-call option (checked by the model before the call
 * started) when given, else what the stage's `control` option reads from the request.
 */
function controlOf<TRequest>(
  request: TRequest,
  context: CallContext,
  readControl: (request: TRequest) => CacheControl | undefined,
): CacheControl {
  if (context.options.cache !== undefined) return context.options.cache;
  const read = readControl(request);
  assertCacheControl(read);
  return read ?? {};
}

/**
 * Applies the call's control and derives its key; `undefined` (after `bypass` reported why)
 * when the call must not use the cache. Answers synchronously unless the scope is a promise
 * or the key material is long enough to be hashed through Web Crypto.
 */
export function planCall<TRequest, TPart>(
  request: TRequest,
  context: CallContext,
  prepared: PreparedCacheStageOptions<unknown, TRequest, TPart>,
  wiring: CacheWiring<TRequest, TPart>,
  bypass: (reason: CacheBypassReason, error?: unknown) => undefined,
): MaybePromise<CallPlan | undefined> {
  const control = controlOf(request, context, prepared.controlOf);
  if (control.skip) return bypass('skip');
  if (context.mode === 'stream' && !wiring.partRole) return bypass('stream-without-part-role');
  let material: unknown;
  let scope: MaybePromise<CacheScope> | undefined;
  try {
    material = wiring.keyMaterial(request);
    const cacheNonDeterministic = control.cacheNonDeterministic ?? prepared.cacheNonDeterministic;
    if (!cacheNonDeterministic && prepared.isNonDeterministic(request, material))
      return bypass('non-deterministic');
    scope = wiring.scopeOf?.(request);
  } catch (error) {
    // The key material or scope threw: go upstream uncached.
    return bypass('uncacheable-request', error);
  }
  const keyed = (resolved: CacheScope | undefined) =>
    keyedPlan({ request, context, prepared, wiring, bypass }, control, material, resolved);
  return scope instanceof Promise
    ? scope.then(keyed, (error: unknown) => bypass('uncacheable-request', error))
    : keyed(scope);
}

/** What {@link keyedPlan} needs of the call besides its control, material and scope. */
interface PlanInput<TRequest, TPart> {
  readonly request: TRequest;
  readonly context: CallContext;
  readonly prepared: PreparedCacheStageOptions<unknown, TRequest, TPart>;
  readonly wiring: CacheWiring<TRequest, TPart>;
  readonly bypass: (reason: CacheBypassReason, error?: unknown) => undefined;
}

/** The plan of a call whose scope is known: its key and TTLs. */
function keyedPlan<TRequest, TPart>(
  { request, context, prepared, wiring, bypass }: PlanInput<TRequest, TPart>,
  control: CacheControl,
  material: unknown,
  scope: CacheScope | undefined,
): MaybePromise<CallPlan | undefined> {
  // A scope of the wrong shape is a bug in the `scope` option: the caller hears of it.
  assertScope(scope);
  const plan = (key: string): CallPlan => ({
    key,
    ttlMs: control.ttlMs ?? prepared.ttlMs,
    staleWhileRevalidateMs: control.staleWhileRevalidateMs ?? prepared.staleWhileRevalidateMs,
    refresh: control.refresh === true,
  });
  // The request has no canonical form, or names no credentials: go upstream uncached.
  const uncacheable = (error: unknown) => bypass('uncacheable-request', error);
  let key: MaybePromise<string>;
  try {
    let credentials: string | undefined;
    if (prepared.fingerprintOf) {
      // Never share by accident: a request whose credentials are unknown is not cached.
      if (scope?.credentials === undefined)
        throw new TypeError('the scope of the request names no credentials');
      credentials = prepared.fingerprintOf(scope.credentials);
    }
    key = cacheKeyOf({
      namespace: control.namespace ?? prepared.namespaceOf(request),
      targetId: wiring.targetId,
      endpoint: scope?.endpoint,
      credentials,
      mode: context.mode,
      material,
    });
  } catch (error) {
    return uncacheable(error);
  }
  return key instanceof Promise ? key.then(plan, uncacheable) : plan(key);
}

const scopeKeys = optionKeys<CacheScope>({ endpoint: true, credentials: true });

/** Refuses a scope with an unknown key (`endpiont`) or a field of the wrong type, naming it. */
function assertScope(scope: unknown): asserts scope is CacheScope | undefined {
  assertOptions('scope', scope, scopeKeys);
  const { endpoint, credentials } = (scope ?? {}) as Partial<CacheScope>;
  assertString('scope.endpoint', endpoint, { allowEmpty: true });
  assertObject('scope.credentials', credentials);
}
