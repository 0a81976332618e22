import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvalidOptionError } from '../errors/invalid-option-error';
import { RateLimiter } from './rate-limiter';
import type { RateLimiterSnapshot } from './rate-limiter-snapshot';

/** Takes every permit that is free right now and returns how many. */
function drain(limiter: RateLimiter): number {
  let granted = 0;
  for (let permit = limiter.tryAcquire(); permit; permit = limiter.tryAcquire()) {
    // Sent and answered at once.
    permit.answered();
    granted++;
  }
  return granted;
}

/** Takes a permit that must be free now, for a request answered at once. */
function sendAndAnswer(limiter: RateLimiter): void {
  const permit = limiter.tryAcquire();
  expect(permit).toBeDefined();
  permit!.answered();
}

/** What a fixed window that opened at `openedAt` reports after `used` requests, read at `now`. */
function fixedWindowReport(limit: number, used: number, openedAt: number, windowMs: number) {
  return {
    requests: { limit, remaining: limit - used, resetMs: openedAt + windowMs - Date.now() },
  };
}

describe('RateLimiter window kinds', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('drips between reports until a 429 shows the windows are fixed, then waits for the reset', () => {
    const limiter = new RateLimiter({ requestsPerWindow: 10, windowMs: 1000 });
    expect(drain(limiter)).toBe(10);
    vi.advanceTimersByTime(100);
    limiter.observe(fixedWindowReport(10, 10, 0, 1000));
    // Continuous: it drips back at the configured 1 per 100 ms.
    vi.advanceTimersByTime(100);
    expect(drain(limiter)).toBe(1);
    // That request was early: the gateway counts fixed windows.
    limiter.reportRateLimited({
      retryAfterMs: 800,
      observation: { requests: { limit: 10, remaining: 0, resetMs: 800 } },
    });
    // Its reset (800 ms) comes sooner than a continuous bucket could fill (900 ms): a fixed window.
    expect(limiter.snapshot().requests.refillMode).toBe('fixed-window');
    vi.advanceTimersByTime(799);
    expect(drain(limiter)).toBe(0);
    vi.advanceTimersByTime(1);
    // Whole at once at the reset, and nothing more until the window that opens now ends.
    expect(drain(limiter)).toBe(10);
    vi.advanceTimersByTime(500);
    expect(drain(limiter)).toBe(0);
    vi.advanceTimersByTime(500);
    expect(drain(limiter)).toBe(10);
  });

  it('learns fixed windows from the reports when windowMs is configured, and lets a whole window out at each reset', () => {
    const limiter = new RateLimiter({ requestsPerWindow: 5, windowMs: 1000 });
    // Off a whole second, so that no reset reads as one rounded to seconds.
    vi.advanceTimersByTime(123);
    expect(drain(limiter)).toBe(5);
    // A gateway counting fixed windows: the emptier each report, the sooner its reset.
    for (let used = 1; used <= 5; used++) {
      vi.advanceTimersByTime(5);
      limiter.observe(fixedWindowReport(5, used, 123, 1000));
    }
    expect(limiter.snapshot().requests.refillMode).toBe('fixed-window');
    vi.advanceTimersByTime(974);
    expect(drain(limiter)).toBe(0);
    vi.advanceTimersByTime(1);
    // Read as a drip, each reset would give back only what the reports had not counted (one).
    expect(drain(limiter)).toBe(5);
  });

  it('never learns with windowKind continuous', () => {
    const limiter = new RateLimiter({
      requestsPerWindow: 10,
      windowMs: 1000,
      windowKind: 'continuous',
    });
    drain(limiter);
    limiter.reportRateLimited({ retryAfterMs: 100 });
    expect(limiter.snapshot().requests.refillMode).toBe('continuous');
    vi.advanceTimersByTime(200);
    // Two dripped back; the 429 taught the limiter to keep one back for the next burst.
    expect(drain(limiter)).toBe(1);
  });

  it('stops dripping after a 429 that a continuous bucket explains, and is full at the latest reset less what went out since', () => {
    const limiter = new RateLimiter({ requestsPerWindow: 10, windowMs: 1000 });
    drain(limiter);
    // Another process took the drip: the bucket holds less than one and fills in 950 ms.
    vi.advanceTimersByTime(100);
    limiter.reportRateLimited({
      retryAfterMs: 95,
      observation: { requests: { limit: 10, remaining: 0, resetMs: 950 } },
    });
    expect(limiter.snapshot().requests.refillMode).toBe('at-reset');
    vi.advanceTimersByTime(500);
    expect(drain(limiter)).toBe(0);
    vi.advanceTimersByTime(450);
    for (let taken = 0; taken < 3; taken++) sendAndAnswer(limiter);
    // An answer reports the server's state; two more go out after it.
    vi.advanceTimersByTime(50);
    limiter.observe({ requests: { limit: 10, remaining: 7, resetMs: 300 } });
    for (let taken = 0; taken < 2; taken++) sendAndAnswer(limiter);
    // The five the report left go out too, but one the 429 taught the limiter to keep back;
    // nothing flows back before its reset.
    vi.advanceTimersByTime(299);
    expect(drain(limiter)).toBe(4);
    vi.advanceTimersByTime(1);
    // Full at the reported reset, less the six taken since: a continuous server has not
    // given those back yet. Ten grants after the 429, the reserve it taught is given back.
    expect(drain(limiter)).toBe(4);
  });

  it('keeps a pending reset when a late answer reports an earlier one', () => {
    const limiter = new RateLimiter({ requestsPerWindow: 10, windowMs: 1000 });
    drain(limiter);
    limiter.reportRateLimited({
      observation: { requests: { limit: 10, remaining: 0, resetMs: 960 } },
    });
    limiter.observe({ requests: { limit: 10, remaining: 3, resetMs: 700 } });
    vi.advanceTimersByTime(700);
    expect(drain(limiter)).toBe(0);
    vi.advanceTimersByTime(260);
    // Whole again, less the one the 429 taught the limiter to keep back.
    expect(drain(limiter)).toBe(9);
  });

  it('counts a fixed window from its first request when the server reports nothing', async () => {
    const limiter = new RateLimiter({ requestsPerWindow: 3, windowMs: 1000, windowKind: 'fixed' });
    vi.advanceTimersByTime(250);
    const grants: number[] = [];
    const waits = Array.from({ length: 7 }, () =>
      limiter.acquire().then(() => grants.push(Date.now())),
    );
    await vi.runAllTimersAsync();
    await Promise.all(waits);
    expect(grants).toEqual([250, 250, 250, 1250, 1250, 1250, 2250]);
  });

  it('estimates waits in whole windows', async () => {
    const limiter = new RateLimiter({ requestsPerWindow: 2, windowMs: 1000, windowKind: 'fixed' });
    drain(limiter);
    vi.advanceTimersByTime(400);
    expect(limiter.expectedWaitMs()).toBe(600);
    const queued = [limiter.acquire(), limiter.acquire(), limiter.acquire()];
    // Two of those fit in the next window; the third and one more in the window after.
    expect(limiter.expectedWaitMs()).toBe(1600);
    await vi.runAllTimersAsync();
    await Promise.all(queued);
  });

  it('keeps the earliest reset reported for the window it knows: each report arrives after the server counted it', () => {
    const limiter = new RateLimiter({ requestsPerWindow: 4, windowMs: 1000, windowKind: 'fixed' });
    drain(limiter);
    // The server opened its window at 0; two answers come back 30 ms and 90 ms later.
    vi.advanceTimersByTime(30);
    limiter.observe({ requests: { limit: 4, remaining: 1, resetMs: 1000 } });
    vi.advanceTimersByTime(60);
    limiter.observe({ requests: { limit: 4, remaining: 0, resetMs: 1000 } });
    expect(limiter.expectedWaitMs()).toBe(1030 - 90);
    vi.advanceTimersByTime(940);
    expect(drain(limiter)).toBe(4);
  });

  it('ignores a late report of a window that has already closed', () => {
    const limiter = new RateLimiter({ requestsPerWindow: 4, windowMs: 1000, windowKind: 'fixed' });
    drain(limiter);
    vi.advanceTimersByTime(20);
    limiter.observe({ requests: { limit: 4, remaining: 0, resetMs: 1000 } });
    vi.advanceTimersByTime(1000);
    expect(limiter.tryAcquire()).toBeDefined();
    // A slow answer from the old window, admitted at 0: it must not empty the new one.
    vi.advanceTimersByTime(100);
    limiter.observe({ requests: { limit: 4, remaining: 0, resetMs: 1 } });
    expect(drain(limiter)).toBe(3);
  });

  it('follows a report of a window it did not open, as another process sharing the key causes', () => {
    const limiter = new RateLimiter({ requestsPerWindow: 5, windowMs: 1000, windowKind: 'fixed' });
    limiter.observe({ requests: { limit: 5, remaining: 1, resetMs: 300 } });
    expect(drain(limiter)).toBe(1);
    vi.advanceTimersByTime(300);
    expect(drain(limiter)).toBe(5);
  });

  it('opens a window when a report lowers the level without a reset, so it is whole again', () => {
    const limiter = new RateLimiter({ requestsPerWindow: 5, windowMs: 1000, windowKind: 'fixed' });
    limiter.observe({ requests: { remaining: 0 } });
    expect(limiter.expectedWaitMs()).toBe(1000);
    vi.advanceTimersByTime(1000);
    expect(drain(limiter)).toBe(5);
  });

  it('keeps what it learned across a snapshot, and reads older snapshots as continuous', () => {
    const learned = new RateLimiter({ requestsPerWindow: 5, windowMs: 1000 });
    learned.reportRateLimited();
    const copy = new RateLimiter({ requestsPerWindow: 5, windowMs: 1000 });
    copy.restore(JSON.parse(JSON.stringify(learned.snapshot())) as RateLimiterSnapshot);
    expect(copy.snapshot().requests.refillMode).toBe('at-reset');

    const { refillMode, windowMs, resetReported, lastResetAt, ...older } =
      learned.snapshot().requests;
    const fromOlder = new RateLimiter({ requestsPerWindow: 5, windowMs: 1000 });
    fromOlder.restore({ ...learned.snapshot(), requests: older });
    expect(fromOlder.snapshot().requests).toMatchObject({
      refillMode: 'continuous',
      windowMs: 1000,
    });
  });

  it('rejects an unknown window kind, naming the field', () => {
    const create = () =>
      new RateLimiter({ windowKind: 'sliding' as unknown as 'fixed', requestsPerWindow: 1 });
    expect(create).toThrow(InvalidOptionError);
    expect(create).toThrow(/windowKind.*"auto", "continuous", "fixed"/);
  });
});
