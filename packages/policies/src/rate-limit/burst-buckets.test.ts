import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../time/clock';
import { RateLimitBuckets } from './rate-limit-buckets';

function bucketsOf(requestsPerWindow: number, windowMs: number) {
  const buckets = new RateLimitBuckets(
    requestsPerWindow,
    Infinity,
    windowMs,
    systemClock,
    'continuous',
  );
  return { clock: { advance: (ms: number) => vi.advanceTimersByTime(ms) }, buckets };
}

describe('RateLimitBuckets, the model a shared store mirrors', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fits a request only while the requests bucket holds 1 + reserveRequests, at most the capacity', () => {
    const { buckets } = bucketsOf(10, 1000);
    for (let taken = 0; taken < 7; taken++) buckets.consume(0);
    const now = buckets.refill();
    expect(buckets.fits(0, now, 2)).toBe(true);
    expect(buckets.fits(0, now, 3)).toBe(false);
    // A reserve beyond the capacity asks for a full bucket, never for more.
    const { buckets: small } = bucketsOf(2, 1000);
    expect(small.fits(0, small.refill(), 5)).toBe(true);
  });

  it('counts the reserve in the wait of a head waiter', () => {
    const { buckets } = bucketsOf(10, 1000);
    for (let taken = 0; taken < 10; taken++) buckets.consume(0);
    const now = buckets.refill();
    expect(buckets.waitMs(1, 0, now)).toBe(100);
    expect(buckets.waitMs(1, 0, now, 2)).toBeCloseTo(300);
  });

  it('adopts an inferred windowMs from an observation, and the rate with it', () => {
    const { clock, buckets } = bucketsOf(500, 60_000);
    for (let taken = 0; taken < 500; taken++) buckets.consume(0);
    buckets.observe({ requests: { remaining: 0, windowMs: 1000 } });
    expect(buckets.snapshot().requests).toMatchObject({ windowMs: 1000, ratePerMs: 0.5 });
    clock.advance(10);
    expect(buckets.fits(0, buckets.refill(), 4)).toBe(true);
  });

  it('keeps a continuous reset and what was taken since when a late report names an earlier one', () => {
    const { clock, buckets } = bucketsOf(10, 1000);
    for (let taken = 0; taken < 10; taken++) buckets.consume(0);
    buckets.observe({ requests: { limit: 10, remaining: 0, resetMs: 1000 } });
    buckets.consume(0);
    // The answer to an earlier request: more remaining, a sooner reset.
    buckets.observe({ requests: { limit: 10, remaining: 4, resetMs: 600 } });
    clock.advance(600);
    // Nothing jumps back at the late report's reset: the drip of the pending report rules.
    expect(buckets.snapshot().requests.level).toBeCloseTo(-1 + 6, 6);
    clock.advance(400);
    // Full at the pending reset, less the one taken since that report.
    expect(buckets.snapshot().requests.level).toBeCloseTo(9, 6);
  });

  it('counts what a report has not seen yet as taken since it, so its reset lets no burst out', () => {
    const { clock, buckets } = bucketsOf(10, 1000);
    for (let taken = 0; taken < 10; taken++) buckets.consume(0);
    // The answer to the first of the ten, counted before the other nine reached the server.
    buckets.observe({ requests: { limit: 10, remaining: 9, resetMs: 100 } });
    clock.advance(100);
    // The server is whole at that reset less the nine it counted after the report: one back.
    expect(buckets.snapshot().requests.level).toBeCloseTo(1, 6);
  });
});
