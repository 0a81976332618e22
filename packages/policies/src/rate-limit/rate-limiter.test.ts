import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortedError } from '../errors/aborted-error';
import { RateLimitWaitTooLongError } from '../errors/rate-limit-wait-too-long-error';
import { MemoryStateStore } from '../store/memory-state-store';
import { track } from '../testing/settle';
import { RateLimiter } from './rate-limiter';
import type { RateLimiterSnapshot } from './rate-limiter-snapshot';

/** Acquires and records the time the permit was granted. */
function timedAcquire(
  limiter: RateLimiter,
  tokens: number,
  options: { signal?: AbortSignal; maxWaitMs?: number } = {},
) {
  const result: { grantedAt?: number; error?: unknown } = {};
  limiter.acquire({ tokens, ...options }).then(
    (permit) => {
      result.grantedAt = Date.now();
      // The server answers at once: nothing is in flight.
      permit.answered();
    },
    (error: unknown) => {
      result.error = error;
    },
  );
  return result;
}

describe('RateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('grants a full bucket at once, then paces requests at the refill rate', async () => {
    const limiter = new RateLimiter({ requestsPerWindow: 3, windowMs: 3000 });
    const grants = [1, 2, 3, 4, 5].map(() => timedAcquire(limiter, 0));
    await vi.runAllTimersAsync();
    expect(grants.map((grant) => grant.grantedAt)).toEqual([0, 0, 0, 1000, 2000]);
  });

  it('holds back the refill it credited while a granted request is unanswered, one per request', async () => {
    const limiter = new RateLimiter({ requestsPerWindow: 4, windowMs: 4000 });
    const permits = [limiter.tryAcquire()!, limiter.tryAcquire()!, limiter.tryAcquire()!];
    limiter.tryAcquire()!.answered();
    // One request back after 1 s, but three are still on their way: the server may not have
    // counted them, so it has not refilled for them either.
    vi.advanceTimersByTime(1000);
    expect(limiter.tryAcquire()).toBeUndefined();
    for (const permit of permits) permit.answered();
    expect(limiter.tryAcquire()).toBeDefined();
  });

  it('serves waiters first in, first out: a big request at the head is not starved', async () => {
    const limiter = new RateLimiter({ tokensPerWindow: 100, windowMs: 1000 });
    await limiter.acquire({ tokens: 100 });
    const big = timedAcquire(limiter, 80);
    const small = timedAcquire(limiter, 10);
    await vi.runAllTimersAsync();
    expect(big.grantedAt).toBe(800);
    expect(small.grantedAt).toBe(900);
  });

  it('keeps one timer for a long queue: joining behind others arms nothing, each grant re-arms once', async () => {
    const setTimeoutCalls = vi.fn();
    const clock = {
      now: () => Date.now(),
      setTimeout: (callback: () => void, delayMs: number) => {
        setTimeoutCalls();
        return setTimeout(callback, delayMs);
      },
      clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    const limiter = new RateLimiter({ requestsPerWindow: 10, windowMs: 1000, clock });
    const grants = Array.from({ length: 1010 }, () => timedAcquire(limiter, 0));
    await vi.advanceTimersByTimeAsync(0);
    expect(grants.filter((grant) => grant.grantedAt !== undefined)).toHaveLength(10);
    expect(setTimeoutCalls).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100_000);
    expect(grants.map((grant) => grant.grantedAt)).toEqual(
      grants.map((_, index) => Math.max(0, index - 9) * 100),
    );
    // One per waiter that waited: the first when the line formed, then one after each grant but the last.
    expect(setTimeoutCalls).toHaveBeenCalledTimes(1000);
  });

  it('refuses at once, without waiting, when the expected wait exceeds maxWaitMs', async () => {
    const limiter = new RateLimiter({ requestsPerWindow: 1, windowMs: 10_000, maxWaitMs: 5000 });
    await limiter.acquire();
    expect(limiter.expectedWaitMs()).toBe(10_000);
    const refused = timedAcquire(limiter, 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(RateLimitWaitTooLongError.isInstance(refused.error)).toBe(true);
    expect((refused.error as RateLimitWaitTooLongError).retryAfterMs).toBe(10_000);
    const allowed = timedAcquire(limiter, 0, { maxWaitMs: 20_000 });
    await vi.runAllTimersAsync();
    expect(allowed.grantedAt).toBe(10_000);
  });

  it('lets an aborted waiter leave the queue so the next one moves up', async () => {
    const limiter = new RateLimiter({ tokensPerWindow: 100, windowMs: 1000 });
    await limiter.acquire({ tokens: 100 });
    const controller = new AbortController();
    const aborted = timedAcquire(limiter, 90, { signal: controller.signal });
    const next = timedAcquire(limiter, 10);
    await vi.advanceTimersByTimeAsync(50);
    controller.abort();
    await vi.runAllTimersAsync();
    expect(AbortedError.isInstance(aborted.error)).toBe(true);
    expect(next.grantedAt).toBe(100);
  });

  it('refunds unused tokens on settle and charges extra ones', async () => {
    const limiter = new RateLimiter({ tokensPerWindow: 100, windowMs: 1000 });
    const permit = await limiter.acquire({ tokens: 100 });
    permit.settle(30);
    expect(limiter.expectedWaitMs(70)).toBe(0);
    const second = await limiter.acquire({ tokens: 70 });
    second.settle(120);
    expect(limiter.expectedWaitMs(10)).toBe(600);
    second.settle(0);
    expect(limiter.expectedWaitMs(10)).toBe(600);
  });

  it('gives back the request and its tokens on release', async () => {
    const limiter = new RateLimiter({ requestsPerWindow: 1, tokensPerWindow: 50, windowMs: 1000 });
    const permit = await limiter.acquire({ tokens: 50 });
    expect(limiter.tryAcquire(10)).toBeUndefined();
    permit.release();
    expect(limiter.tryAcquire(50)).toBeDefined();
  });

  it('lets a request larger than the bucket through once the bucket is full', async () => {
    const limiter = new RateLimiter({ tokensPerWindow: 100, windowMs: 1000 });
    await limiter.acquire({ tokens: 50 });
    const huge = timedAcquire(limiter, 250);
    await vi.runAllTimersAsync();
    expect(huge.grantedAt).toBe(500);
    expect(limiter.expectedWaitMs(10)).toBe(1600);
  });

  it('pauses every waiter, not only the caller that saw the 429', async () => {
    const limiter = new RateLimiter({ requestsPerWindow: 100, windowMs: 1000 });
    const pauses: number[] = [];
    limiter.onPause(({ untilMs }) => pauses.push(untilMs));
    limiter.pause(2000);
    expect(limiter.tryAcquire()).toBeUndefined();
    const first = timedAcquire(limiter, 0);
    const second = timedAcquire(limiter, 0);
    await vi.runAllTimersAsync();
    expect([first.grantedAt, second.grantedAt]).toEqual([2000, 2000]);
    limiter.pauseUntil(1000);
    expect(pauses).toEqual([2000]);
  });

  it('refuses queued waiters whose limit a new pause exceeds', async () => {
    const limiter = new RateLimiter({ requestsPerWindow: 1, windowMs: 1000 });
    await limiter.acquire();
    const patient = timedAcquire(limiter, 0, { maxWaitMs: 10_000 });
    const hurried = timedAcquire(limiter, 0, { maxWaitMs: 3000 });
    limiter.pause(5000);
    await vi.advanceTimersByTimeAsync(0);
    expect(RateLimitWaitTooLongError.isInstance(hurried.error)).toBe(true);
    await vi.runAllTimersAsync();
    expect(patient.grantedAt).toBe(5000);
  });

  it('arms no timer during an endless pause, and resumes when a shorter pause cannot shorten it', async () => {
    const limiter = new RateLimiter({ requestsPerWindow: 10 });
    limiter.pause(Infinity);
    const patient = track(limiter.acquire());
    const hurried = timedAcquire(limiter, 0, { maxWaitMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(RateLimitWaitTooLongError.isInstance(hurried.error)).toBe(true);
    expect(patient.outcome.status).toBe('pending');
    limiter.restore({ ...limiter.snapshot(), pausedUntil: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(patient.outcome.status).toBe('fulfilled');
  });

  it('lowers its level and capacity from observed headers, never raises them', async () => {
    const limiter = new RateLimiter({ requestsPerWindow: 100, windowMs: 1000 });
    limiter.observe({ requests: { limit: 1000, remaining: 500 } });
    expect(limiter.snapshot().requests.capacity).toBe(100);
    limiter.observe({ requests: { remaining: 0 } });
    expect(limiter.expectedWaitMs()).toBe(10);
    limiter.observe({ requests: { limit: 10, remaining: 0 } });
    expect(limiter.expectedWaitMs()).toBe(100);
  });

  it('adopts a limit the server reports when none was configured', () => {
    const limiter = new RateLimiter({ windowMs: 60_000 });
    expect(limiter.expectedWaitMs(1_000_000)).toBe(0);
    limiter.observe({ tokens: { limit: 6000, remaining: 0 } });
    expect(limiter.expectedWaitMs(100)).toBe(1000);
  });

  it('slows its refill to the reset time the server reports', () => {
    const limiter = new RateLimiter({ requestsPerWindow: 60, windowMs: 60_000 });
    limiter.observe({ requests: { remaining: 0, resetMs: 120_000 } });
    expect(limiter.expectedWaitMs()).toBe(2000);
    vi.advanceTimersByTime(120_000);
    expect(limiter.expectedWaitMs()).toBe(0);
  });

  it('is whole again at the reset the server reports, as a fixed window is', async () => {
    const limiter = new RateLimiter({ requestsPerWindow: 20, windowMs: 1000 });
    // A window that opened at 0: each response reports the server's own count.
    for (let sent = 1; sent <= 20; sent++) {
      (await limiter.acquire()).settle(0);
      limiter.observe({
        requests: { limit: 20, remaining: 20 - sent, resetMs: 1000 - Date.now() },
      });
      vi.advanceTimersByTime(10);
    }
    // Early word of a slow refill (1 per 990 ms) no longer holds: the latest observation rules,
    // and at the reset the whole window is back at once.
    expect(limiter.expectedWaitMs()).toBeLessThanOrEqual(1000 - Date.now());
    vi.advanceTimersByTime(1000 - Date.now());
    for (let burst = 0; burst < 20; burst++) expect(limiter.tryAcquire()).toBeDefined();
    expect(limiter.tryAcquire()).toBeUndefined();
  });

  it('runs a function through execute, settling with the tokens it reports', async () => {
    const limiter = new RateLimiter({ tokensPerWindow: 100, windowMs: 1000 });
    const result = await limiter.execute(async () => ({ usage: 10 }), undefined, {
      tokens: 100,
      tokensUsed: (value) => value.usage,
    });
    expect(result.usage).toBe(10);
    expect(limiter.expectedWaitMs(90)).toBe(0);
  });

  it('snapshots to JSON, saves to its store on pause and hydrates from it', async () => {
    const store = new MemoryStateStore<RateLimiterSnapshot>();
    const limiter = new RateLimiter({ requestsPerWindow: 2, store, key: 'target-a' });
    await limiter.acquire();
    limiter.pause(3000);
    const copy = new RateLimiter({ requestsPerWindow: 2, store, key: 'target-a' });
    await copy.hydrate();
    expect(copy.expectedWaitMs()).toBe(3000);
    const viaJson = new RateLimiter();
    viaJson.restore(JSON.parse(JSON.stringify(limiter.snapshot())) as RateLimiterSnapshot);
    expect(viaJson.expectedWaitMs()).toBe(3000);
  });

  it('rejects invalid options and token counts, naming the field', async () => {
    expect(() => new RateLimiter({ requestsPerWindow: 0 })).toThrow(/requestsPerWindow/);
    await expect(new RateLimiter().acquire({ tokens: -1 })).rejects.toThrow(/tokens/);
    const rejected = track(new RateLimiter().acquire({ signal: AbortSignal.abort() }));
    await vi.advanceTimersByTimeAsync(0);
    expect(AbortedError.isInstance((rejected.outcome as { reason: unknown }).reason)).toBe(true);
  });
});
