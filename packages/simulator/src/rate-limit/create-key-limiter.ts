import type { ResolvedRateLimit } from '../config/resolved-types';
import type { SimulatorClock } from '../time/clock';
import { FixedWindowLimiter } from './fixed-window-limiter';
import type { KeyLimiter } from './key-limiter';
import { TokenBucketLimiter } from './token-bucket-limiter';

/** The limiter of `limit.kind`: fixed windows or continuously refilling buckets. */
export function createKeyLimiter(limit: ResolvedRateLimit, clock: SimulatorClock): KeyLimiter {
  return limit.kind === 'token-bucket'
    ? new TokenBucketLimiter(limit, clock)
    : new FixedWindowLimiter(limit, clock);
}
