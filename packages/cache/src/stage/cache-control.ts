import {
  assertBoolean,
  assertNumber,
  assertOptions,
  assertString,
  optionKeys,
} from '@resilient-llm/policies/validation';

/**
 * Per-call control of the cache: the `cache` per-call option (`model.generate(request, {
 * cache: { refresh: true } })`), or what the stage's `control` option reads from a request.
 */
export interface CacheControl {
  /** Neither read nor write the cache for this call. Defaults to off (an absent flag). */
  readonly skip?: boolean;
  /** Go upstream even on a hit, and store the fresh answer. Defaults to off (an absent flag). */
  readonly refresh?: boolean;
  /** How long the answer stays fresh, in ms. Defaults to the stage's `ttlMs`. */
  readonly ttlMs?: number;
  /** How long past `ttlMs` it is served stale while refreshed in the background, in ms. Defaults to the stage's `staleWhileRevalidateMs`. */
  readonly staleWhileRevalidateMs?: number;
  /** Cache this call even if its sampling is not deterministic. Defaults to the stage's `cacheNonDeterministic`. */
  readonly cacheNonDeterministic?: boolean;
  /** The namespace (tenant) of this call. Defaults to the stage's `namespace`. */
  readonly namespace?: string;
}

const cacheControlKeys = optionKeys<CacheControl>({
  skip: true,
  refresh: true,
  ttlMs: true,
  staleWhileRevalidateMs: true,
  cacheNonDeterministic: true,
  namespace: true,
});

declare module '@resilient-llm/core' {
  interface CallOptions {
    /**
     * Per-call control of the cache stage: skip it, refresh it, or set this call's TTL or
     * namespace. Checked before the call starts. Defaults to none (the stage's own settings).
     */
    cache?: CacheControl;
  }
}

/**
 * Throws `InvalidOptionError` naming `<field>.<key>` (`cache.ttlMs`) unless `control` is a
 * {@link CacheControl} (or `undefined`): known keys only, each of its type. The check of the
 * `cache` per-call option.
 */
export function assertCacheControl(
  control: unknown,
  field = 'control',
): asserts control is CacheControl | undefined {
  if (control === undefined) return;
  assertOptions(field, control, cacheControlKeys);
  const { skip, refresh, ttlMs, staleWhileRevalidateMs, cacheNonDeterministic, namespace } =
    control as CacheControl;
  assertBoolean(`${field}.skip`, skip);
  assertBoolean(`${field}.refresh`, refresh);
  assertBoolean(`${field}.cacheNonDeterministic`, cacheNonDeterministic);
  assertNumber(`${field}.ttlMs`, ttlMs, { min: 1, integer: true });
  assertNumber(`${field}.staleWhileRevalidateMs`, staleWhileRevalidateMs, {
    min: 0,
    integer: true,
  });
  assertString(`${field}.namespace`, namespace);
}

const controls = new WeakMap<object, CacheControl>();

/**
 * Attaches cache control to a request object and returns the same object, for the default
 * `control` option of the cache stage to find. Prefer the `cache` per-call option
 * (`model.generate(request, { cache: { refresh: true } })`); this is for a request that
 * reaches the model through code that passes no per-call options. The request must be an
 * object (a `WeakMap` holds the control, so nothing leaks). A control with an unknown key or
 * a bad value throws `InvalidOptionError` here, before anything is sent.
 * @typeParam TRequest The request, inferred from `request`; it is returned as it came.
 */
export function withCacheControl<TRequest extends object>(
  request: TRequest,
  control: CacheControl,
): TRequest {
  assertCacheControl(control);
  controls.set(request, control);
  return request;
}

/** The control attached by {@link withCacheControl}, if any. */
export function readCacheControl(request: unknown): CacheControl | undefined {
  return typeof request === 'object' && request !== null ? controls.get(request) : undefined;
}
