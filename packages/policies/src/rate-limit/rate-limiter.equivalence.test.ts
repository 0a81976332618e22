import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { RateLimitWaitTooLongError } from '../errors/rate-limit-wait-too-long-error';
import { ArrayQueueRateLimiter } from '../testing/array-queue-rate-limiter';
import { countdown, settle } from '../testing/settle';
import { RateLimiter } from './rate-limiter';
import type { RateLimitObservation } from './rate-limiter-options';

const windowArbitrary = fc.record(
  {
    limit: fc.integer({ min: 1, max: 400 }),
    remaining: fc.integer({ min: 0, max: 400 }),
    resetMs: fc.integer({ min: 0, max: 5000 }),
  },
  { requiredKeys: ['remaining'] },
);

const observationArbitrary: fc.Arbitrary<RateLimitObservation> = fc.record(
  { requests: windowArbitrary, tokens: windowArbitrary },
  { requiredKeys: [] },
);

const eventArbitrary = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('acquire' as const),
      atMs: fc.integer({ min: 0, max: 4000 }),
      // Mostly whole counts; now and then a fraction, where the walk decides alone.
      tokens: fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: 0, max: 150 }) },
        { weight: 1, arbitrary: fc.double({ min: 0, max: 150, noNaN: true }) },
      ),
      maxWaitMs: fc.option(fc.integer({ min: 0, max: 6000 }), { nil: undefined }),
      abortAfterMs: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
      holdMs: fc.integer({ min: 0, max: 500 }),
      finish: fc.constantFrom('settle-less', 'settle-more', 'release'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('pause' as const),
      atMs: fc.integer({ min: 0, max: 4000 }),
      forMs: fc.integer({ min: 0, max: 4000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('observe' as const),
      atMs: fc.integer({ min: 0, max: 4000 }),
      observation: observationArbitrary,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rate-limited' as const),
      atMs: fc.integer({ min: 0, max: 4000 }),
      retryAfterMs: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
      observation: fc.option(observationArbitrary, { nil: undefined }),
    }),
  },
);

const settingsArbitrary = fc.record({
  requestsPerWindow: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constant(Infinity)),
  tokensPerWindow: fc.oneof(fc.integer({ min: 50, max: 400 }), fc.constant(Infinity)),
  windowMs: fc.integer({ min: 100, max: 5000 }),
  maxWaitMs: fc.oneof(fc.integer({ min: 0, max: 6000 }), fc.constant(Infinity)),
  windowKind: fc.constantFrom('auto' as const, 'continuous' as const, 'fixed' as const),
});

type Event = typeof eventArbitrary extends fc.Arbitrary<infer T> ? T : never;
type Settings = typeof settingsArbitrary extends fc.Arbitrary<infer T> ? T : never;
type Limiter = RateLimiter | ArrayQueueRateLimiter;

/**
 * Runs the schedule on fake time and returns what a user sees, in order: each grant, refusal
 * (with its figures) and abort, each `onReject` and `onPause`, and the state at the end.
 */
async function trace(limiter: Limiter, events: readonly Event[]): Promise<string[]> {
  const log: string[] = [];
  const record = (line: string) => log.push(`${Date.now()} ${line}`);
  limiter.onReject((error) => record(`onReject ${error.retryAfterMs}/${error.maxWaitMs}`));
  limiter.onPause(({ untilMs }) => record(`onPause ${untilMs}`));
  const acquires = events.filter((event) => event.kind === 'acquire').length;
  const allSettled = countdown(acquires);
  const stray: Array<ReturnType<typeof setTimeout>> = [];
  events.forEach((event, id) => {
    stray.push(
      setTimeout(() => {
        if (event.kind === 'pause') limiter.pause(event.forMs);
        else if (event.kind === 'observe') limiter.observe(event.observation);
        else if (event.kind === 'rate-limited') limiter.reportRateLimited(event);
        else {
          const controller = new AbortController();
          if (event.abortAfterMs !== undefined)
            stray.push(setTimeout(() => controller.abort(), event.abortAfterMs));
          const acquired = limiter.acquire({
            tokens: event.tokens,
            signal: controller.signal,
            maxWaitMs: event.maxWaitMs,
          });
          acquired.then(
            (permit) => {
              record(`granted ${id}`);
              stray.push(
                setTimeout(() => {
                  if (event.finish === 'release') permit.release();
                  else permit.settle(event.finish === 'settle-less' ? 0 : event.tokens * 2);
                }, event.holdMs),
              );
            },
            (error: unknown) =>
              record(
                RateLimitWaitTooLongError.isInstance(error)
                  ? `refused ${id} ${error.retryAfterMs}/${error.maxWaitMs}`
                  : `failed ${id} ${(error as Error).name}`,
              ),
          );
          acquired.then(allSettled.done, allSettled.done);
        }
      }, event.atMs),
    );
  });
  expect((await settle(allSettled.promise)).status).toBe('fulfilled');
  for (const timer of stray) clearTimeout(timer);
  record(`end ${JSON.stringify(limiter.snapshot())}`);
  return log;
}

async function onFakeTime<T>(run: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ now: 1_764_000_000_000 });
  try {
    return await run();
  } finally {
    vi.useRealTimers();
  }
}

function limiters(settings: Settings): [ArrayQueueRateLimiter, RateLimiter] {
  return [new ArrayQueueRateLimiter(settings), new RateLimiter(settings)];
}

describe('RateLimiter against the array-queue rate limiter', () => {
  it('grants, orders and refuses every call as the array queue did', {
    timeout: 60_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArbitrary, { maxLength: 40 }),
        settingsArbitrary,
        async (events, settings) => {
          const expected = await onFakeTime(() => trace(limiters(settings)[0], events));
          const actual = await onFakeTime(() => trace(limiters(settings)[1], events));
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});
