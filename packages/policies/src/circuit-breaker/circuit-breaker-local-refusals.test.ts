import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrokenCircuitError } from '../errors/broken-circuit-error';
import { BulkheadRejectedError } from '../errors/bulkhead-rejected-error';
import { RateLimitWaitTooLongError } from '../errors/rate-limit-wait-too-long-error';
import { CircuitBreakerPolicy } from './circuit-breaker-policy';

const refusals = [
  new BulkheadRejectedError({ reason: 'full', maxConcurrent: 1, maxQueued: 0 }),
  new RateLimitWaitTooLongError({ retryAfterMs: 5_000, maxWaitMs: 100 }),
  new BrokenCircuitError({ retryAfterMs: 1_000 }),
];
const down = new Error('down');

describe('CircuitBreakerPolicy and local refusals', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(refusals)('never opens on $name, even when it counts every error', async (refusal) => {
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'consecutive', threshold: 1 },
      shouldCount: () => true,
    });
    for (let index = 0; index < 5; index++) {
      await expect(breaker.execute(() => Promise.reject(refusal))).rejects.toBe(refusal);
    }
    expect(breaker.state).toBe('closed');
  });

  it('does not take a refusal for a success: consecutive provider failures still open it', async () => {
    const breaker = new CircuitBreakerPolicy({ strategy: { kind: 'consecutive', threshold: 2 } });
    await expect(breaker.execute(() => Promise.reject(down))).rejects.toBe(down);
    await expect(breaker.execute(() => Promise.reject(refusals[0]))).rejects.toBe(refusals[0]);
    await expect(breaker.execute(() => Promise.reject(down))).rejects.toBe(down);
    expect(breaker.state).toBe('open');
  });

  it('gives a half-open probe slot back when the probe is refused locally', async () => {
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'consecutive', threshold: 1 },
      halfOpenAfterMs: 1_000,
    });
    await expect(breaker.execute(() => Promise.reject(down))).rejects.toBe(down);
    vi.advanceTimersByTime(1_000);
    await expect(breaker.execute(() => Promise.reject(refusals[1]))).rejects.toBe(refusals[1]);
    expect(breaker.state).toBe('half-open');
    await expect(breaker.execute(async () => 'ok')).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });
});
