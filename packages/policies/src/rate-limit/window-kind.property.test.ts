import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { countdown, settle } from '../testing/settle';
import { RateLimiter } from './rate-limiter';
import type { WindowKind } from './token-bucket';

/**
 * A gateway counting requests per fixed window: a window opens with the first request after
 * the last one ended, and refused requests do not count. Every answer reports the count the
 * way OpenAI's headers do, as of the moment the request was admitted.
 */
class FixedWindowGateway {
  private openedAt = -Infinity;
  private used = 0;
  refused = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  admit(now: number) {
    if (now >= this.openedAt + this.windowMs) {
      this.openedAt = now;
      this.used = 0;
    }
    const admitted = this.used < this.limit;
    if (admitted) this.used++;
    else this.refused++;
    const resetMs = this.openedAt + this.windowMs - now;
    return {
      admitted,
      resetMs,
      observation: { requests: { limit: this.limit, remaining: this.limit - this.used, resetMs } },
    };
  }
}

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
 * of successes to `observe`, 429s to `reportRateLimited`. Returns the gateway, and in which
 * turn the limiter first heard of a 429 with the turns in which the refused requests were
 * granted (turns count grants and answers in the order they happened).
 */
async function run(windowKind: 'auto' | WindowKind, { limit, windowMs, requests }: Scenario) {
  vi.useFakeTimers({ now: 0 });
  try {
    const limiter = new RateLimiter({ requestsPerWindow: limit, windowMs, windowKind });
    const gateway = new FixedWindowGateway(limit, windowMs);
    const refusedGrants: number[] = [];
    let firstRefusalHeardAt = Infinity;
    let turn = 0;
    const allAnswered = countdown(requests.length);
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
    return { gateway, refusedGrants, firstRefusalHeardAt };
  } finally {
    vi.useRealTimers();
  }
}

describe('RateLimiter against a fixed-window gateway', () => {
  it('with windowKind fixed, sends nothing the gateway refuses', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => {
        const { gateway } = await run('fixed', input);
        expect(gateway.refused).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('with windowKind auto, sends nothing the gateway refuses once it has heard of a 429', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => {
        const { refusedGrants, firstRefusalHeardAt } = await run('auto', input);
        for (const grantedAt of refusedGrants) expect(grantedAt).toBeLessThan(firstRefusalHeardAt);
      }),
      { numRuns: 150 },
    );
  });
});
