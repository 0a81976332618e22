import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  ContinuousGateway,
  FixedWindowGateway,
  type RateLimitGateway,
} from '../testing/rate-limit-gateways';
import { countdown, settle } from '../testing/settle';
import { RateLimiter } from './rate-limiter';

const scenario = fc.record({
  limit: fc.integer({ min: 1, max: 8 }),
  windowMs: fc.integer({ min: 200, max: 2000 }),
  requests: fc.array(
    fc.record({
      arriveAtMs: fc.integer({ min: 0, max: 6000 }),
      // Answers come back within half a window: later ones could be mistaken for the next window.
      latencyShare: fc.double({ min: 0, max: 0.49, noNaN: true }),
    }),
    { maxLength: 40 },
  ),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer Value> ? Value : never;

/**
 * Sends every request through the limiter to the gateway and feeds each answer back: headers
 * of successes to `observe`, 429s to `reportRateLimited`. Returns in which turn the limiter
 * first heard of a 429 and the turns in which the refused requests were granted (turns count
 * grants and answers in the order they happened).
 */
async function run(
  limiter: RateLimiter,
  gateway: RateLimitGateway,
  requests: Scenario['requests'],
) {
  const refusedGrants: number[] = [];
  let firstRefusalHeardAt = Infinity;
  let turn = 0;
  const allAnswered = countdown(requests.length);
  const windowMs = limiter.snapshot().requests.windowMs ?? 0;
  const arrivals = requests.map(({ arriveAtMs, latencyShare }) =>
    setTimeout(async () => {
      const permit = await limiter.acquire();
      const grantedAt = turn++;
      const answer = gateway.admit(Date.now());
      setTimeout(
        () => {
          if (answer.admitted) {
            permit.settle(0);
            limiter.observe(answer.observation);
          } else {
            refusedGrants.push(grantedAt);
            firstRefusalHeardAt = Math.min(firstRefusalHeardAt, turn++);
            limiter.reportRateLimited({
              retryAfterMs: answer.resetMs,
              observation: answer.observation,
            });
            permit.release();
          }
          allAnswered.done();
        },
        Math.floor(latencyShare * windowMs),
      );
    }, arriveAtMs),
  );
  expect((await settle(allAnswered.promise)).status).toBe('fulfilled');
  for (const timer of arrivals) clearTimeout(timer);
  expect(vi.getTimerCount()).toBe(0);
  return { refusedGrants, firstRefusalHeardAt };
}

/** Runs `test` with fake timers from 0, restoring real ones after. */
async function withFakeTimers(test: () => Promise<void>): Promise<void> {
  vi.useFakeTimers({ now: 0 });
  try {
    await test();
  } finally {
    vi.useRealTimers();
  }
}

describe('RateLimiter against simulated gateways', () => {
  it('with windowKind fixed, sends nothing a fixed-window gateway refuses', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, ({ limit, windowMs, requests }) =>
        withFakeTimers(async () => {
          const gateway = new FixedWindowGateway(limit, windowMs);
          const limiter = new RateLimiter({
            requestsPerWindow: limit,
            windowMs,
            windowKind: 'fixed',
          });
          await run(limiter, gateway, requests);
          expect(gateway.refused).toBe(0);
        }),
      ),
      { numRuns: 150 },
    );
  });

  it('with windowKind auto, sends nothing a fixed-window gateway refuses once it has heard of a 429', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, ({ limit, windowMs, requests }) =>
        withFakeTimers(async () => {
          const gateway = new FixedWindowGateway(limit, windowMs);
          const limiter = new RateLimiter({ requestsPerWindow: limit, windowMs });
          const { refusedGrants, firstRefusalHeardAt } = await run(limiter, gateway, requests);
          for (const grantedAt of refusedGrants)
            expect(grantedAt).toBeLessThan(firstRefusalHeardAt);
        }),
      ),
      { numRuns: 150 },
    );
  });

  it('after any 429, sends nothing a continuous gateway refuses', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        fc.nat({ max: 3 }),
        ({ limit, windowMs, requests }, takenElsewhere) =>
          withFakeTimers(async () => {
            const gateway = new ContinuousGateway(limit, windowMs);
            const limiter = new RateLimiter({ requestsPerWindow: limit, windowMs });
            // Another process sharing the key drained the bucket and got a 429.
            for (let taken = 0; taken <= limit + takenElsewhere; taken++) {
              const answer = gateway.admit(0);
              if (!answer.admitted)
                limiter.reportRateLimited({
                  retryAfterMs: answer.resetMs,
                  observation: answer.observation,
                });
            }
            gateway.refused = 0;
            await run(limiter, gateway, requests);
            expect(gateway.refused).toBe(0);
          }),
      ),
      { numRuns: 150 },
    );
  });
});
