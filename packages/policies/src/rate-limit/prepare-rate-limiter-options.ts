import type { StateStore } from '../store/state-store';
import { type Clock, systemClock } from '../time/clock';
import { assertNumber, assertOneOf } from '../validation/validate';
import type { RateLimiterOptions } from './rate-limiter-options';
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

/** Applies defaults and validates; throws `InvalidOptionError` naming the bad field. */
export function prepareRateLimiterOptions({
  requestsPerWindow = Infinity,
  tokensPerWindow = Infinity,
  windowMs = 60_000,
  maxWaitMs = Infinity,
  windowKind = 'auto',
  store,
  key = 'rate-limiter',
  clock = systemClock,
}: RateLimiterOptions): RateLimiterSettings {
  assertNumber('requestsPerWindow', requestsPerWindow, { min: 1, allowInfinity: true });
  assertNumber('tokensPerWindow', tokensPerWindow, { min: 1, allowInfinity: true });
  assertNumber('windowMs', windowMs, { min: 1 });
  assertNumber('maxWaitMs', maxWaitMs, { allowInfinity: true });
  assertOneOf('windowKind', windowKind, ['auto', 'continuous', 'fixed']);
  return { requestsPerWindow, tokensPerWindow, windowMs, maxWaitMs, windowKind, store, key, clock };
}
