import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { timedBinding, timedTarget, tooManyRequests } from '../../test/timed-binding';
import { createResilientModel } from '../pipeline/create-resilient-model';

const start = 1_000_000;

describe("a 429's pause", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: start });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds the calls already waiting in the bulkhead queue', async () => {
    const provider = timedTarget('sim', 5, (index) =>
      index === 0 ? { fail: tooManyRequests(1_000) } : { respond: 'ok' },
    );
    const model = createResilientModel({
      binding: timedBinding,
      targets: [provider],
      bulkhead: { maxConcurrent: 1, maxQueued: 20 },
      retry: { jitter: 'none', initialDelayMs: 1 },
      circuitBreaker: false,
    });

    const calls = Array.from({ length: 5 }, (_, index) => model.generate(`call ${index}`));
    await vi.advanceTimersByTimeAsync(2_000);

    const results = await Promise.all(calls);
    expect(results.map((result) => result.response)).toEqual(
      Array.from({ length: 5 }, (_, index) => `ok <- call ${index}`),
    );
    const [first, ...rest] = provider.arrivals.map((at) => at - start);
    expect(first).toBe(0);
    // The 429 came back at +5 ms asking for 1 s: nothing else may arrive before +1005 ms.
    expect(rest).toHaveLength(5);
    for (const arrival of rest) expect(arrival).toBeGreaterThanOrEqual(1_005);
  });

  it('gives no permit to a call the bulkhead refuses', async () => {
    const provider = timedTarget('sim', 100);
    const model = createResilientModel({
      binding: timedBinding,
      targets: [provider],
      bulkhead: { maxConcurrent: 1, maxQueued: 0 },
      rateLimit: { requestsPerWindow: 2, windowMs: 60_000 },
      circuitBreaker: false,
    });

    const burst = [model.generate('a'), model.generate('b').catch(() => 'refused')];
    await vi.advanceTimersByTimeAsync(100);
    await expect(Promise.all(burst)).resolves.toEqual([
      expect.objectContaining({ response: 'ok <- a' }),
      'refused',
    ]);
    // The refused call spent no permit, so the window still has room for one more.
    const next = model.generate('c');
    await vi.advanceTimersByTimeAsync(100);
    await expect(next).resolves.toMatchObject({ response: 'ok <- c' });
    expect(provider.arrivals).toEqual([start, start + 100]);
  });
});
