import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { assertBucketBound, type Grant } from '../testing/bucket-bound';
import { countdown, settle } from '../testing/settle';
import { MemorySharedState } from './memory-shared-state';
import { SharedRateLimiter } from './shared-rate-limiter';

const requestArbitrary = fc.record({
  process: fc.integer({ min: 0, max: 3 }),
  arriveAtMs: fc.integer({ min: 0, max: 3000 }),
  tokens: fc.integer({ min: 0, max: 100 }),
  usedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  release: fc.boolean(),
  maxWaitMs: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
});

describe('SharedRateLimiter properties', () => {
  it('grants four processes together no more than one bucket allows, settles every wait, leaves no timer', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(requestArbitrary, { maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 100, max: 400 }),
        fc.integer({ min: 100, max: 3000 }),
        async (requests, requestsPerWindow, tokensPerWindow, windowMs) => {
          vi.useFakeTimers({ now: 0 });
          try {
            const state = new MemorySharedState();
            const limiters = [0, 1, 2, 3].map(
              () =>
                new SharedRateLimiter({
                  requestsPerWindow,
                  tokensPerWindow,
                  windowMs,
                  windowKind: 'continuous',
                  shared: { state, key: 'rate-limit:t' },
                }),
            );
            const grants: Grant[] = [];
            const allSettled = countdown(requests.length);
            const arrivals = requests.map((request) =>
              setTimeout(() => {
                const limiter = limiters[request.process]!;
                const { tokens, maxWaitMs } = request;
                limiter
                  .acquire({ tokens, maxWaitMs })
                  .then((permit) => {
                    // A released permit was never sent: it does not count.
                    if (request.release) return permit.release();
                    const used = Math.floor(tokens * request.usedShare);
                    grants.push({ atMs: Date.now(), tokens: used });
                    permit.settle(used);
                  })
                  .then(allSettled.done, allSettled.done);
              }, request.arriveAtMs),
            );
            expect((await settle(allSettled.promise)).status).toBe('fulfilled');
            for (const arrival of arrivals) clearTimeout(arrival);
            await vi.runAllTimersAsync();
            expect(vi.getTimerCount()).toBe(0);
            assertBucketBound(grants, () => 1, requestsPerWindow, windowMs);
            assertBucketBound(grants, (grant) => grant.tokens, tokensPerWindow, windowMs);
          } finally {
            vi.useRealTimers();
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
