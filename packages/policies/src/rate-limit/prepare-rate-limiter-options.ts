import { type StateStore, stateStoreMethods } from '../store/state-store';
import { type Clock, systemClock } from '../time/clock';
import {
  assertClock,
  assertMethods,
  assertNumber,
  assertOneOf,
  assertOptions,
  assertString,
} from '../validation/validate';
import {
  defaultRateLimiterOptions,
  type RateLimiterOptions,
  rateLimiterOptionKeys,
} from './rate-limiter-options';
import type { RateLimiterSnapshot } from './rate-limiter-snapshot';
import type { WindowKind } from './token-bucket';

/** {@link RateLimiterOptions} with defaults applied and values checked. */
export interface RateLimiterSettings {
  readonly requestsPerWindow: number;
  readonly tokensPerWindow: number;
  readonly windowMs: number;
  readonly maxWaitMs: number;
  readonly windowKind: 'auto' | WindowKind;
  readonly store: StateStore<RateLimiterSnapshot> | undefined;
  readonly key: string;
  readonly clock: Clock;
}

/**
 * Applies defaults and validates; throws `InvalidOptionError` naming the bad field, or an
 * unknown key with the option it most likely means.
 */
export function prepareRateLimiterOptions(options: RateLimiterOptions): RateLimiterSettings {
  assertOptions('', options, rateLimiterOptionKeys);
  return checkedSettings(options);
}

function checkedSettings({
  requestsPerWindow = defaultRateLimiterOptions.requestsPerWindow,
  tokensPerWindow = defaultRateLimiterOptions.tokensPerWindow,
  windowMs = defaultRateLimiterOptions.windowMs,
  maxWaitMs = defaultRateLimiterOptions.maxWaitMs,
  windowKind = defaultRateLimiterOptions.windowKind,
  store,
  key = defaultRateLimiterOptions.key,
  clock = systemClock,
}: RateLimiterOptions): RateLimiterSettings {
  assertNumber('requestsPerWindow', requestsPerWindow, { min: 1, allowInfinity: true });
  assertNumber('tokensPerWindow', tokensPerWindow, { min: 1, allowInfinity: true });
  assertNumber('windowMs', windowMs, { min: 1 });
  assertNumber('maxWaitMs', maxWaitMs, { allowInfinity: true });
  assertOneOf('windowKind', windowKind, ['auto', 'continuous', 'fixed']);
  assertMethods('store', store, stateStoreMethods);
  assertString('key', key);
  assertClock('clock', clock);
  return { requestsPerWindow, tokensPerWindow, windowMs, maxWaitMs, windowKind, store, key, clock };
}
