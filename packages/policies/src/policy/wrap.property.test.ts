import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { BulkheadPolicy } from '../bulkhead/bulkhead-policy';
import { CircuitBreakerPolicy } from '../circuit-breaker/circuit-breaker-policy';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { RetryPolicy } from '../retry/retry-policy';
import { countdown, settle } from '../testing/settle';
import { TimeoutPolicy } from '../timeout/timeout-policy';
import { wrap } from './wrap';

/** How one attempt behaves: resolve or reject after `afterMs`, or hang until aborted. */
const attemptArbitrary = fc.record({
  result: fc.constantFrom('ok' as const, 'fail' as const, 'hang' as const),
  afterMs: fc.integer({ min: 0, max: 300 }),
});

describe('composed policies', () => {
  it('settle every call, keep attempts within maxAttempts and leave no timer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            arriveAtMs: fc.integer({ min: 0, max: 2000 }),
            attempts: fc.array(attemptArbitrary, { minLength: 1, maxLength: 5 }),
          }),
          {
            maxLength: 12,
          },
        ),
        fc.integer({ min: 1, max: 4 }),
        async (calls, maxAttempts) => {
          vi.useFakeTimers({ now: 0 });
          try {
            const policy = wrap(
              new RetryPolicy({ maxAttempts, initialDelayMs: 50, retryAfterMs: () => 20 }),
              new CircuitBreakerPolicy({
                strategy: { kind: 'consecutive', threshold: 3 },
                halfOpenAfterMs: 500,
              }),
              new RateLimiter({ requestsPerWindow: 5, windowMs: 1000, maxWaitMs: 3000 }),
              new BulkheadPolicy({ maxConcurrent: 2, maxQueued: 3, maxQueueWaitMs: 1000 }),
              new TimeoutPolicy({ timeoutMs: 200 }),
            );
            const allSettled = countdown(calls.length);
            const attemptCounts: number[] = [];
            calls.forEach((call, index) => {
              attemptCounts[index] = 0;
              setTimeout(() => {
                policy
                  .execute(({ signal }) => {
                    const step =
                      call.attempts[Math.min(attemptCounts[index]!, call.attempts.length - 1)]!;
                    attemptCounts[index]!++;
                    return new Promise((resolve, reject) => {
                      const timer =
                        step.result === 'hang'
                          ? undefined
                          : setTimeout(
                              () =>
                                step.result === 'ok' ? resolve('ok') : reject(new Error('fail')),
                              step.afterMs,
                            );
                      signal.addEventListener('abort', () => {
                        clearTimeout(timer);
                        reject(signal.reason);
                      });
                    });
                  })
                  .then(allSettled.done, allSettled.done);
              }, call.arriveAtMs);
            });
            expect((await settle(allSettled.promise)).status).toBe('fulfilled');
            for (const count of attemptCounts) expect(count).toBeLessThanOrEqual(maxAttempts);
            expect(vi.getTimerCount()).toBe(0);
          } finally {
            vi.useRealTimers();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
