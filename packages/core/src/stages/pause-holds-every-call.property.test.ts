import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  type TimedAnswer,
  timedBinding,
  timedTarget,
  tooManyRequests,
} from '../../test/timed-binding';
import { createResilientModel } from '../pipeline/create-resilient-model';

const scheduleArbitrary = fc.record({
  calls: fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 1, maxLength: 25 }),
  answers: fc.array(
    fc.oneof(
      fc.constant<TimedAnswer | number>({ respond: 'ok' }),
      fc.integer({ min: 1, max: 1_500 }),
    ),
    { minLength: 1, maxLength: 40 },
  ),
  latencyMs: fc.integer({ min: 0, max: 200 }),
  bulkhead: fc.option(
    fc.record({ maxConcurrent: fc.integer({ min: 1, max: 4 }), maxQueued: fc.constant(50) }),
    { nil: undefined },
  ),
});

describe("a 429's pause, on random fault schedules", () => {
  it('holds every call of the target: nothing is sent while a pause lasts', async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArbitrary, async ({ calls, answers, latencyMs, bulkhead }) => {
        vi.useFakeTimers({ now: 0 });
        try {
          const provider = timedTarget('sim', latencyMs, (index) => {
            const answer = answers[index % answers.length]!;
            return typeof answer === 'number' ? { fail: tooManyRequests(answer) } : answer;
          });
          const pauses: Array<{ from: number; until: number }> = [];
          const model = createResilientModel({
            binding: timedBinding,
            targets: [provider],
            retry: { maxAttempts: 4, initialDelayMs: 1, jitter: 'none' },
            circuitBreaker: false,
            bulkhead: bulkhead ?? false,
            timeoutMs: 60_000,
          });
          model.on('attempt-failure', ({ failure }) => {
            if (failure.kind === 'rate-limited' && failure.retryAfterMs !== undefined) {
              pauses.push({ from: Date.now(), until: Date.now() + failure.retryAfterMs });
            }
          });
          const settled = calls.map(
            (atMs, index) =>
              new Promise<unknown>((resolve) => {
                setTimeout(() => {
                  model.generate(`call ${index}`).then(resolve, resolve);
                }, atMs);
              }),
          );
          await vi.advanceTimersByTimeAsync(200_000);
          expect(await Promise.all(settled)).toHaveLength(calls.length);
          for (const { from, until } of pauses) {
            const inside = provider.arrivals.filter((at) => at > from && at < until);
            expect(inside, `sent during the pause [${from}, ${until})`).toEqual([]);
          }
        } finally {
          vi.useRealTimers();
        }
      }),
      { numRuns: 60 },
    );
  });
});
