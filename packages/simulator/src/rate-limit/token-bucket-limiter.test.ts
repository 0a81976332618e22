import { describe, expect, it } from 'vitest';
import type { ResolvedRateLimit } from '../config/resolved-types';
import { createManualClock } from '../time/manual-clock';
import { TokenBucketLimiter } from './token-bucket-limiter';

function limiterOf(limit: Partial<ResolvedRateLimit>, startMs = 1_000_000) {
  const clock = createManualClock(startMs);
  const limiter = new TokenBucketLimiter(
    {
      kind: 'token-bucket',
      requestsPerWindow: 20,
      tokensPerWindow: 1_000_000,
      windowMs: 1000,
      ...limit,
    },
    clock,
  );
  return { clock, limiter };
}

describe('TokenBucketLimiter', () => {
  it('admits a burst of the capacity, then one request per windowMs / capacity', () => {
    const { clock, limiter } = limiterOf({ requestsPerWindow: 20, windowMs: 1000 });
    for (let request = 0; request < 20; request++)
      expect(limiter.admit('key', 1).exceeded).toBeUndefined();
    expect(limiter.admit('key', 1).exceeded).toBe('requests');
    for (let step = 0; step < 5; step++) {
      clock.advance(49);
      expect(limiter.admit('key', 1).exceeded).toBe('requests');
      clock.advance(1);
      expect(limiter.admit('key', 1).exceeded).toBeUndefined();
    }
  });

  it('reports remaining as whole units and reset as the time until the bucket is full', () => {
    const { clock, limiter } = limiterOf({ requestsPerWindow: 20, windowMs: 1000 });
    expect(limiter.peek('key')).toMatchObject({
      limitRequests: 20,
      remainingRequests: 20,
      resetRequestsMs: 0,
    });
    expect(limiter.admit('key', 1).snapshot).toMatchObject({
      remainingRequests: 19,
      resetRequestsMs: 50,
    });
    for (let request = 1; request < 20; request++) limiter.admit('key', 1);
    expect(limiter.peek('key')).toMatchObject({ remainingRequests: 0, resetRequestsMs: 1000 });
    clock.advance(75);
    expect(limiter.peek('key')).toMatchObject({ remainingRequests: 1, resetRequestsMs: 925 });
    clock.advance(925);
    expect(limiter.peek('key')).toMatchObject({ remainingRequests: 20, resetRequestsMs: 0 });
  });

  it("matches OpenAI's reports: 1 of 5000 RPM resets in 12 ms, 24 of 160000 TPM in 9 ms", () => {
    const { limiter } = limiterOf({
      requestsPerWindow: 5000,
      tokensPerWindow: 160_000,
      windowMs: 60_000,
    });
    expect(limiter.admit('key', 24).snapshot).toEqual({
      limitRequests: 5000,
      remainingRequests: 4999,
      resetRequestsMs: 12,
      limitTokens: 160_000,
      remainingTokens: 159_976,
      resetTokensMs: 9,
    });
  });

  it('takes nothing for a refused request and asks it to wait until one request is back', () => {
    const { clock, limiter } = limiterOf({ requestsPerWindow: 20, windowMs: 1000 });
    for (let request = 0; request < 20; request++) limiter.admit('key', 1);
    clock.advance(30);
    for (let attempt = 0; attempt < 3; attempt++) {
      const refused = limiter.admit('key', 1);
      expect(refused.exceeded).toBe('requests');
      expect(refused.retryAfterMs).toBe(20);
      expect(refused.snapshot).toMatchObject({ remainingRequests: 0, resetRequestsMs: 970 });
    }
    clock.advance(20);
    const admitted = limiter.admit('key', 1);
    expect(admitted).toMatchObject({ exceeded: undefined, retryAfterMs: 0 });
    expect(admitted.snapshot.resetRequestsMs).toBe(1000);
  });

  it('limits tokens the same way, waiting until the bucket holds the tokens asked for', () => {
    const { clock, limiter } = limiterOf({ tokensPerWindow: 1000, windowMs: 1000 });
    expect(limiter.admit('key', 600).snapshot).toMatchObject({
      limitTokens: 1000,
      remainingTokens: 400,
      resetTokensMs: 600,
    });
    clock.advance(50);
    const refused = limiter.admit('key', 600);
    expect(refused.exceeded).toBe('tokens');
    expect(refused.retryAfterMs).toBe(150);
    // Nothing was taken: neither a request nor tokens.
    expect(refused.snapshot).toMatchObject({
      remainingRequests: 20,
      remainingTokens: 450,
      resetTokensMs: 550,
    });
    clock.advance(150);
    expect(limiter.admit('key', 600).exceeded).toBeUndefined();
    expect(limiter.peek('key')).toMatchObject({ remainingTokens: 0, resetTokensMs: 1000 });
  });

  it('asks a request larger than the bucket to wait until it is full', () => {
    const { clock, limiter } = limiterOf({ tokensPerWindow: 1000, windowMs: 1000 });
    limiter.admit('key', 100);
    clock.advance(40);
    expect(limiter.admit('key', 5000)).toMatchObject({ exceeded: 'tokens', retryAfterMs: 60 });
  });

  it('keeps separate buckets per key', () => {
    const { limiter } = limiterOf({ requestsPerWindow: 1 });
    expect(limiter.admit('key-a', 1).exceeded).toBeUndefined();
    expect(limiter.admit('key-b', 1).exceeded).toBeUndefined();
    expect(limiter.admit('key-a', 1).exceeded).toBe('requests');
    expect(limiter.peek('key-c').remainingRequests).toBe(1);
  });

  it('puts back what release takes back, never beyond the capacity', () => {
    const { limiter } = limiterOf({ requestsPerWindow: 2, tokensPerWindow: 100 });
    limiter.admit('key', 30);
    limiter.release('key', 30);
    limiter.release('key', 30);
    expect(limiter.peek('key')).toMatchObject({
      remainingRequests: 2,
      resetRequestsMs: 0,
      remainingTokens: 100,
      resetTokensMs: 0,
    });
  });

  it('admits a request exactly when due although the refill sums to a hair below it', () => {
    const { clock, limiter } = limiterOf({ requestsPerWindow: 10, windowMs: 1000 });
    for (let request = 0; request < 10; request++) limiter.admit('key', 1);
    // Ten refills of 0.1 add up to 0.9999999999999999 in floating point.
    for (let step = 0; step < 9; step++) {
      clock.advance(10);
      limiter.peek('key');
    }
    expect(limiter.admit('key', 1)).toMatchObject({ exceeded: 'requests', retryAfterMs: 10 });
    clock.advance(10);
    const admitted = limiter.admit('key', 1);
    expect(admitted.exceeded).toBeUndefined();
    expect(admitted.snapshot).toMatchObject({ remainingRequests: 0, resetRequestsMs: 1000 });
  });

  it('treats a key idle for a whole window as full again', () => {
    const { clock, limiter } = limiterOf({ requestsPerWindow: 2, windowMs: 1000 });
    limiter.admit('key', 1);
    limiter.admit('key', 1);
    clock.advance(1000);
    expect(limiter.admit('other', 1).exceeded).toBeUndefined();
    expect(limiter.admit('key', 1).snapshot).toMatchObject({
      remainingRequests: 1,
      resetRequestsMs: 500,
    });
  });

  it('refuses everything, with no wait to report, when a limit is 0', () => {
    const { limiter } = limiterOf({ requestsPerWindow: 0 });
    expect(limiter.admit('key', 1)).toMatchObject({ exceeded: 'requests', retryAfterMs: 0 });
    expect(limiter.peek('key')).toMatchObject({ remainingRequests: 0, resetRequestsMs: 0 });
  });
});
