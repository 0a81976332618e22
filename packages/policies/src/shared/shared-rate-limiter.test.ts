import { FaultySharedState } from '@resilient-llm/test-utils/faulty-shared-state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortedError } from '../errors/aborted-error';
import { InvalidOptionError } from '../errors/invalid-option-error';
import { RateLimitWaitTooLongError } from '../errors/rate-limit-wait-too-long-error';
import { TimeoutError } from '../errors/timeout-error';
import type { RateLimitPermit } from '../rate-limit/rate-limit-permit';
import { RateLimiter } from '../rate-limit/rate-limiter';
import type { RateLimiterOptions } from '../rate-limit/rate-limiter-options';
import { track } from '../testing/settle';
import { MemorySharedState } from './memory-shared-state';
import { SharedRateLimiter } from './shared-rate-limiter';
import type { SharedState, SharedStateFault } from './shared-state';
import { defaultSharedStateOptions } from './shared-state-options';

const limits = { requestsPerWindow: 5, windowMs: 1000, windowKind: 'continuous' } as const;

/** A limiter of one process of the fleet sharing `state`. */
function processLimiter(state: SharedState, options: RateLimiterOptions = {}) {
  return new SharedRateLimiter({ ...limits, ...options, shared: { state, key: 'rate-limit:t' } });
}

/** Acquires a permit whose server answers at once (nothing left in flight to keep back). */
const answeredAcquire = (limiter: { acquire(): Promise<RateLimitPermit> }) =>
  limiter.acquire().then((permit) => {
    permit.answered();
    return permit;
  });

/** Starts `count` acquires and returns how many were granted after the pending work ran. */
async function grantedOf(limiter: { acquire(): Promise<RateLimitPermit> }, count: number) {
  const calls = Array.from({ length: count }, () => track(answeredAcquire(limiter)));
  await vi.advanceTimersByTimeAsync(0);
  return {
    calls,
    granted: () => calls.filter((call) => call.outcome.status === 'fulfilled').length,
  };
}

/** A fleet state in memory that lists the commands of each rate-limit operation. */
function countingState() {
  const inner = new MemorySharedState();
  const operations: string[][] = [];
  const counted: SharedState = {
    rateLimit: (key, limits, commands, now) => {
      operations.push(commands.map((command) => command.op));
      return inner.rateLimit(key, limits, commands, now);
    },
    readBreaker: (...args) => inner.readBreaker(...args),
    openBreaker: (...args) => inner.openBreaker(...args),
    leaseProbe: (...args) => inner.leaseProbe(...args),
    closeBreaker: (...args) => inner.closeBreaker(...args),
  };
  return { counted, operations };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SharedRateLimiter', () => {
  it('grants two processes together no more than the limit, where each alone would grant it all', async () => {
    const shared = new MemorySharedState();
    const a = await grantedOf(processLimiter(shared), 5);
    const b = await grantedOf(processLimiter(shared), 5);
    expect(a.granted() + b.granted()).toBe(5);
    // The bucket drips one request back every 200 ms; permits granted ahead are handed 25 ms
    // after their time (the margin for arrival jitter).
    await vi.advanceTimersByTimeAsync(1025);
    expect(a.granted() + b.granted()).toBe(10);

    const alone = [new RateLimiter(limits), new RateLimiter(limits)];
    const separate = await Promise.all(alone.map((limiter) => grantedOf(limiter, 5)));
    expect(separate[0]!.granted() + separate[1]!.granted()).toBe(10);
  });

  it('pauses every process when one reports a 429', async () => {
    const shared = new MemorySharedState();
    const a = processLimiter(shared);
    const b = processLimiter(shared);
    a.reportRateLimited({ retryAfterMs: 2000 });
    await vi.advanceTimersByTimeAsync(0);
    const paused = vi.fn();
    b.onPause(paused);
    await expect(b.acquire({ maxWaitMs: 1000 })).rejects.toBeInstanceOf(RateLimitWaitTooLongError);
    expect(paused).toHaveBeenCalledWith({ untilMs: 1_002_000 });
    // Granted ahead for the end of the pause, handed 25 ms after it (the margin for arrival
    // jitter of permits granted ahead).
    const waiting = track(b.acquire());
    await vi.advanceTimersByTimeAsync(2024);
    expect(waiting.outcome.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.outcome.status).toBe('fulfilled');
  });

  it('teaches the fleet the fixed windows one process read from the reports', async () => {
    const shared = new MemorySharedState();
    const a = processLimiter(shared, { windowKind: 'auto' });
    const b = processLimiter(shared, { windowKind: 'auto' });
    // Off a whole second, so that no reset reads as one rounded to seconds.
    await vi.advanceTimersByTimeAsync(123);
    const sent = await grantedOf(a, 5);
    expect(sent.granted()).toBe(5);
    // A gateway counting fixed windows: the emptier each report, the sooner its reset.
    for (let used = 1; used <= 5; used++) {
      await vi.advanceTimersByTimeAsync(5);
      a.observe({ requests: { limit: 5, remaining: 5 - used, resetMs: 1000 - 5 * used } });
    }
    await vi.advanceTimersByTimeAsync(0);
    // B learns nothing itself: the fleet's state tells it with its first answer.
    const waiting = await grantedOf(b, 5);
    expect(b.snapshot().requests.refillMode).toBe('fixed-window');
    await vi.advanceTimersByTimeAsync(974);
    expect(waiting.granted()).toBe(0);
    // Whole at the reset: read as a drip, the fleet would let out only one.
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.granted()).toBe(5);
  });

  it('lets a report that tightens nothing ride on the next take, and sends one that does at once', async () => {
    const { counted, operations } = countingState();
    const limiter = processLimiter(counted);
    (await limiter.acquire()).settle(0);
    // What the fleet already counts: four left, whole again in 200 ms.
    limiter.observe({ requests: { limit: 5, remaining: 4, resetMs: 200 } });
    limiter.observe({ requests: { limit: 5, remaining: 4, resetMs: 200 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(operations).toEqual([['take']]);
    (await limiter.acquire()).settle(0);
    // Only the latest of the two rides along.
    expect(operations).toEqual([['take'], ['observe', 'take']]);
    // The server has less left than the fleet thinks: every process must hear it now.
    limiter.observe({ requests: { limit: 5, remaining: 0, resetMs: 1000 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(operations).toEqual([['take'], ['observe', 'take'], ['observe']]);
    expect(limiter.expectedWaitMs()).toBeGreaterThan(0);
    // A report that waited longer than one request's refill (200 ms here) is dropped: applied
    // late, its count would be older than the fleet's refill.
    await vi.advanceTimersByTimeAsync(1000);
    const sent = operations.length;
    limiter.observe({ requests: { limit: 5, remaining: 5 } });
    await vi.advanceTimersByTimeAsync(201);
    (await limiter.acquire()).settle(0);
    expect(operations.slice(sent)).toEqual([['take']]);
  });

  it('lets a report the fleet must hear ride on the take under way, or sends it after', async () => {
    const { counted, operations } = countingState();
    const slow = new FaultySharedState(counted);
    const limiter = processLimiter(slow);
    (await limiter.acquire()).settle(0);
    slow.behaviour = { kind: 'slow', delayMs: 10 };
    const calls = [track(limiter.acquire()), track(limiter.acquire())];
    await vi.advanceTimersByTimeAsync(5);
    // During the first take: the server has nothing left, which the fleet must hear now.
    limiter.observe({ requests: { limit: 5, remaining: 0, resetMs: 1000 } });
    await vi.advanceTimersByTimeAsync(20);
    expect(operations).toEqual([['take'], ['take'], ['observe', 'take']]);
    // During the last take, with no take after it: sent on its own once that take answered.
    const last = track(limiter.acquire());
    await vi.advanceTimersByTimeAsync(1);
    limiter.observe({ requests: { limit: 4, remaining: 0, resetMs: 1000 } });
    await vi.advanceTimersByTimeAsync(30);
    expect(operations.slice(3)).toEqual([['take'], ['observe']]);
    await vi.runAllTimersAsync();
    expect([...calls, last].map((call) => call.outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
  });

  it('gives back to the fleet what a released permit did not use', async () => {
    const shared = new MemorySharedState();
    const a = processLimiter(shared, { requestsPerWindow: 1 });
    const b = processLimiter(shared, { requestsPerWindow: 1 });
    (await a.acquire()).release();
    await vi.advanceTimersByTimeAsync(0);
    // The other process finds the request back in the fleet's bucket.
    await expect(b.acquire({ maxWaitMs: 0 })).resolves.toMatchObject({ tokens: 0 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('grants ahead in one round trip, in order across processes, and gives nothing back while a permit granted ahead is due', async () => {
    const { counted, operations } = countingState();
    const a = processLimiter(counted, { requestsPerWindow: 1 });
    const b = processLimiter(counted, { requestsPerWindow: 1 });
    const first = await a.acquire();
    const grantedAt: Record<string, number> = {};
    const later = (name: string, limiter: SharedRateLimiter) =>
      track(
        limiter.acquire().then((permit) => {
          grantedAt[name] = Date.now();
          return permit;
        }),
      );
    const aSecond = later('a', a);
    await vi.advanceTimersByTimeAsync(0);
    const bSecond = later('b', b);
    await vi.advanceTimersByTimeAsync(0);
    // Each take answered "yours at T": one operation per permit, nobody asks twice.
    expect(operations).toEqual([['take'], ['take'], ['take']]);
    // A permit released while others granted ahead are due is not given back: the refill it
    // leaves would let a new call out before them, and the server would count both.
    first.release();
    await vi.advanceTimersByTimeAsync(0);
    await expect(b.acquire({ maxWaitMs: 999 })).rejects.toBeInstanceOf(RateLimitWaitTooLongError);
    await vi.advanceTimersByTimeAsync(2025);
    expect([aSecond.outcome.status, bSecond.outcome.status]).toEqual(['fulfilled', 'fulfilled']);
    // At the refill, 25 ms late: the margin for arrival jitter of permits granted ahead.
    expect(grantedAt).toEqual({ a: 1_001_025, b: 1_002_025 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses at once a wait the fleet reported longer than maxWaitMs, and leaves on abort', async () => {
    const shared = new MemorySharedState();
    const limiter = processLimiter(shared, { requestsPerWindow: 1 });
    await limiter.acquire();
    expect(limiter.expectedWaitMs()).toBe(1000);
    await expect(limiter.acquire({ maxWaitMs: 500 })).rejects.toBeInstanceOf(
      RateLimitWaitTooLongError,
    );
    const controller = new AbortController();
    const aborted = limiter.acquire({ signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(AbortedError);
    await vi.runAllTimersAsync();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('serves a queue of 10,000 waiters with one fleet operation per grant or wait', async () => {
    const shared = new FaultySharedState(new MemorySharedState());
    const limiter = processLimiter(shared, { requestsPerWindow: 1000 });
    const calls = Array.from({ length: 10_000 }, () => answeredAcquire(limiter));
    await vi.runAllTimersAsync();
    await Promise.all(calls);
    const takes = shared.count('rateLimit:take');
    // 1000 granted at once; each of the 9000 others waits one refill (1 ms) and is granted.
    expect(takes).toBeGreaterThanOrEqual(10_000);
    expect(takes).toBeLessThanOrEqual(10_000 + 9000 + 1);
    expect(vi.getTimerCount()).toBe(0);
  });

  describe('when the shared state fails', () => {
    const behaviours = [
      { kind: 'rejecting', error: Error },
      { kind: 'hanging', error: TimeoutError },
      { kind: 'slow', delayMs: 1000, error: TimeoutError },
    ] as const;

    it.each(behaviours)(
      'grants from local state when it is $kind, then rejoins',
      async ({ error, ...behaviour }) => {
        const shared = new FaultySharedState(new MemorySharedState());
        const limiter = processLimiter(shared);
        const faults: SharedStateFault[] = [];
        const rejoins = vi.fn();
        limiter.onSharedStateFault((fault) => faults.push(fault));
        limiter.onSharedStateRejoin(rejoins);
        await limiter.acquire();
        shared.behaviour = behaviour;
        const during = track(limiter.acquire());
        await vi.advanceTimersByTimeAsync(defaultSharedStateOptions.timeoutMs + 1);
        expect(during.outcome.status).toBe('fulfilled');
        expect(faults).toEqual([
          { operation: 'rate-limit', key: 'rate-limit:t', error: expect.any(error) },
        ]);
        // The local limiter, mirrored from the fleet, counts both permits and goes on alone.
        const takesBefore = shared.count('rateLimit:take');
        await limiter.acquire();
        expect(shared.count('rateLimit:take')).toBe(takesBefore);
        // 5, less three permits, plus what dripped back in the 101 ms until the fallback (the
        // timeout, then one turn of the event loop for an answer already there).
        expect(limiter.snapshot().requests.level).toBeCloseTo(2.505, 5);

        shared.behaviour = { kind: 'healthy' };
        await vi.advanceTimersByTimeAsync(defaultSharedStateOptions.rejoinAfterMs);
        await limiter.acquire();
        expect(shared.count('rateLimit:take')).toBe(takesBefore + 1);
        expect(rejoins).toHaveBeenCalledWith({ key: 'rate-limit:t' });
        await vi.runAllTimersAsync();
        expect(vi.getTimerCount()).toBe(0);
      },
    );

    it('moves its waiters to the local limiter in order, each with the wait it has left', async () => {
      const shared = new FaultySharedState(new MemorySharedState());
      const limiter = processLimiter(shared, { requestsPerWindow: 1 });
      await limiter.acquire();
      const order: number[] = [];
      const waiting = [0, 1, 2].map((i) => limiter.acquire().then(() => order.push(i)));
      await vi.advanceTimersByTimeAsync(0);
      shared.behaviour = { kind: 'hanging' };
      await vi.runAllTimersAsync();
      await Promise.all(waiting);
      expect(order).toEqual([0, 1, 2]);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('takes the waiters still waiting on the local limiter back to the fleet once it answers', async () => {
      const memory = new MemorySharedState();
      const shared = new FaultySharedState(memory);
      const a = processLimiter(shared);
      const b = processLimiter(memory);
      // A has spent the fleet's five.
      await (await grantedOf(a, 5)).calls.at(-1);
      const faults: string[] = [];
      a.onSharedStateFault(({ operation }) => faults.push(operation));
      a.onSharedStateRejoin(() => faults.push('rejoin'));
      // A blip: A's next take answers after 150 ms, past the 100 ms timeout, so A's waiters go
      // on from its local limiter; then all is well. B queues on the fleet meanwhile.
      shared.behaviour = { kind: 'slow', delayMs: 150 };
      const aWaiting = await grantedOf(a, 10);
      const bWaiting = await grantedOf(b, 10);
      await vi.advanceTimersByTimeAsync(120);
      // Healthy again before the slow answer comes at 150 ms: that answer is the rejoin.
      shared.behaviour = { kind: 'healthy' };
      await vi.advanceTimersByTimeAsync(2080);
      expect(faults).toEqual(['rate-limit', 'rejoin']);
      // 2.2 s of refill is 11 permits for the fleet; A's local limiter granted at most one more
      // during the blip. Left on the local limiter, A would have granted its ten at 5 a second
      // on its own, while B took what the fleet refilled.
      const granted = aWaiting.granted() + bWaiting.granted();
      expect(granted).toBeLessThanOrEqual(12);
      await vi.runAllTimersAsync();
      expect(aWaiting.granted() + bWaiting.granted()).toBe(20);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('gives a grant that came after its timeout back to the fleet', async () => {
      const memory = new MemorySharedState();
      const shared = new FaultySharedState(memory);
      const limiter = processLimiter(shared, { requestsPerWindow: 2 });
      // The first answer: the fleet's state has been reached, so the next wait is `timeoutMs`.
      (await limiter.acquire()).settle(1);
      await vi.advanceTimersByTimeAsync(1000);
      shared.behaviour = { kind: 'slow', delayMs: 150 };
      await vi.advanceTimersByTimeAsync(0);
      const call = track(limiter.acquire());
      await vi.advanceTimersByTimeAsync(101);
      expect(call.outcome.status).toBe('fulfilled');
      shared.behaviour = { kind: 'healthy' };
      await vi.advanceTimersByTimeAsync(100);
      const state = await memory.rateLimit(
        'rate-limit:t',
        {
          requestsPerWindow: 2,
          tokensPerWindow: Infinity,
          windowMs: 1000,
          refillMode: 'continuous',
        },
        [{ op: 'observe', observation: {} }],
        Date.now(),
      );
      expect(state.state.requests.level).toBeCloseTo(2, 5);
      await vi.runAllTimersAsync();
      expect(vi.getTimerCount()).toBe(0);
    });

    it('lets the process exit while an operation nobody awaits hangs', async () => {
      const shared = new FaultySharedState(new MemorySharedState());
      const limiter = processLimiter(shared);
      shared.behaviour = { kind: 'hanging' };
      const unref = vi.spyOn(globalThis, 'setTimeout');
      limiter.observe({ requests: { limit: 5, remaining: 4, resetMs: 200 } });
      const handle = unref.mock.results.at(-1)?.value as { hasRef?: () => boolean };
      unref.mockRestore();
      expect(handle.hasRef?.()).toBe(false);
      await vi.runAllTimersAsync();
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  it('refuses bad options naming the field', () => {
    const state = new MemorySharedState();
    const build = (shared: unknown) =>
      new SharedRateLimiter({ shared: shared as { state: SharedState; key: string } });
    expect(() => build(undefined)).toThrow(/shared/);
    expect(() => build({ state: {}, key: 'k' })).toThrow(InvalidOptionError);
    expect(() => build({ state: {}, key: 'k' })).toThrow(/shared\.state\.rateLimit/);
    expect(() => build({ state, key: '' })).toThrow(/shared\.key/);
    expect(() => build({ state, key: 'k', timeoutMs: 0 })).toThrow(/shared\.timeoutMs/);
    expect(() => build({ state, key: 'k', timeotMs: 5 })).toThrow(/timeoutMs/);
    expect(
      () => new SharedRateLimiter({ shared: { state, key: 'k' }, windowMs: -1 } as never),
    ).toThrow(/windowMs/);
  });
});
