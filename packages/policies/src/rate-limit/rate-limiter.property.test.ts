import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { assertBucketBound, type Grant } from '../testing/bucket-bound';
import { countdown, settle, track } from '../testing/settle';
import { RateLimiter } from './rate-limiter';

const requestArbitrary = fc.record({
  arriveAtMs: fc.integer({ min: 0, max: 5000 }),
  tokens: fc.integer({ min: 0, max: 100 }),
  usedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  abortAfterMs: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  maxWaitMs: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
});

describe('RateLimiter properties', () => {
  it('never grants more than the bucket allows, settles every wait, leaves no timer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(requestArbitrary, { maxLength: 25 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 100, max: 400 }),
        fc.integer({ min: 100, max: 5000 }),
        fc.option(
          fc.record({
            atMs: fc.integer({ min: 0, max: 5000 }),
            forMs: fc.integer({ min: 0, max: 3000 }),
          }),
          {
            nil: undefined,
          },
        ),
        async (requests, requestsPerWindow, tokensPerWindow, windowMs, pause) => {
          vi.useFakeTimers({ now: 0 });
          try {
            const limiter = new RateLimiter({ requestsPerWindow, tokensPerWindow, windowMs });
            const grants: Grant[] = [];
            const waits: Array<ReturnType<typeof track>> = [];
            const stray: unknown[] = [];
            const allSettled = countdown(requests.length);
            let pausedUntil = 0;
            if (pause) {
              stray.push(
                setTimeout(() => {
                  pausedUntil = Date.now() + pause.forMs;
                  limiter.pause(pause.forMs);
                }, pause.atMs),
              );
            }
            for (const request of requests) {
              stray.push(
                setTimeout(() => {
                  const controller = new AbortController();
                  if (request.abortAfterMs !== undefined) {
                    stray.push(setTimeout(() => controller.abort(), request.abortAfterMs));
                  }
                  const acquired = limiter
                    .acquire({
                      tokens: request.tokens,
                      signal: controller.signal,
                      maxWaitMs: request.maxWaitMs,
                    })
                    .then((permit) => {
                      expect(Date.now()).toBeGreaterThanOrEqual(pausedUntil);
                      const used = Math.floor(request.tokens * request.usedShare);
                      grants.push({ atMs: Date.now(), tokens: used });
                      permit.settle(used);
                    });
                  waits.push(track(acquired));
                  acquired.then(allSettled.done, allSettled.done);
                }, request.arriveAtMs),
              );
            }
            expect((await settle(allSettled.promise)).status).toBe('fulfilled');
            for (const timer of stray) clearTimeout(timer as ReturnType<typeof setTimeout>);
            expect(vi.getTimerCount()).toBe(0);
            expect(waits).toHaveLength(requests.length);
            for (const wait of waits) expect(wait.outcome.status).not.toBe('pending');
            assertBucketBound(grants, () => 1, requestsPerWindow, windowMs);
            assertBucketBound(grants, (grant) => grant.tokens, tokensPerWindow, windowMs);
          } finally {
            vi.useRealTimers();
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
