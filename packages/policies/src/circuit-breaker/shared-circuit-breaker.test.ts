import { FaultySharedState } from '@resilient-llm/test-utils/faulty-shared-state';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrokenCircuitError } from '../errors/broken-circuit-error';
import { InvalidOptionError } from '../errors/invalid-option-error';
import { MemorySharedState } from '../shared/memory-shared-state';
import type { SharedState, SharedStateFault } from '../shared/shared-state';
import { defaultSharedStateOptions } from '../shared/shared-state-options';
import { track } from '../testing/settle';
import type { BreakEvent } from './circuit-breaker-events';
import { CircuitBreakerPolicy } from './circuit-breaker-policy';
import { leaseTimeoutFloorMs } from './fleet-breaker';
import { defaultSharedBreakerOptions } from './shared-breaker-options';

const halfOpenAfterMs = 1000;

/** The breaker of one process of the fleet sharing `state`. */
function processBreaker(state: SharedState, shared: { probeLeaseMs?: number } = {}) {
  return new CircuitBreakerPolicy({
    strategy: { kind: 'consecutive', threshold: 1 },
    halfOpenAfterMs,
    shared: { state, key: 'circuit-breaker:t', ...shared },
  });
}

const fail = () => Promise.reject(new Error('server'));
const succeed = () => Promise.resolve('ok');

/** A call that stays in flight until `finish` is called. */
function gated() {
  let finish!: (failed: boolean) => void;
  const calls = vi.fn(
    () =>
      new Promise<string>((resolve, reject) => {
        finish = (failed) => (failed ? reject(new Error('server')) : resolve('ok'));
      }),
  );
  return { calls, finish: (failed: boolean) => finish(failed) };
}

/** Opens `breaker` with one failure and lets the fleet hear of it. */
async function openIn(breaker: CircuitBreakerPolicy) {
  await expect(breaker.execute(fail)).rejects.toThrow('server');
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CircuitBreakerPolicy in shared mode', () => {
  it('makes a process that just started wait for the fleet before its first call', async () => {
    const memory = new MemorySharedState();
    await openIn(processBreaker(memory));
    // A new process whose first read of the fleet takes 50 ms: its first call waits for it
    // and is refused, instead of going through a circuit the fleet holds open.
    const slow = new FaultySharedState(memory);
    slow.behaviour = { kind: 'slow', delayMs: 50 };
    const joining = processBreaker(slow);
    const call = vi.fn(succeed);
    const first = track(joining.execute(call));
    await vi.advanceTimersByTimeAsync(49);
    expect(first.outcome.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(first.outcome).toMatchObject({
      status: 'rejected',
      reason: expect.any(BrokenCircuitError),
    });
    expect(call).not.toHaveBeenCalled();
  });

  it('opens in every process when it opens in one', async () => {
    const shared = new MemorySharedState();
    const a = processBreaker(shared);
    const b = processBreaker(shared);
    const breaks: BreakEvent[] = [];
    b.onBreak((event) => breaks.push(event));
    await openIn(a);
    const call = vi.fn(succeed);
    await expect(b.execute(call)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(call).not.toHaveBeenCalled();
    expect(breaks).toEqual([{ error: undefined, retryAfterMs: halfOpenAfterMs, byFleet: true }]);
  });

  it('opens a process that starts while the fleet is open', async () => {
    const shared = new MemorySharedState();
    await openIn(processBreaker(shared));
    const late = processBreaker(shared);
    await vi.advanceTimersByTimeAsync(0);
    expect(late.state).toBe('open');
    expect(late.retryAfterMs()).toBe(halfOpenAfterMs);
  });

  it('lets exactly one process probe, and its success closes every one', async () => {
    const shared = new MemorySharedState();
    const breakers = [processBreaker(shared), processBreaker(shared), processBreaker(shared)];
    await openIn(breakers[0]!);
    await vi.advanceTimersByTimeAsync(halfOpenAfterMs);
    const probe = gated();
    const calls = breakers.map((breaker) => track(breaker.execute(probe.calls)));
    await vi.advanceTimersByTimeAsync(0);
    expect(probe.calls).toHaveBeenCalledTimes(1);
    const refused = calls.filter((call) => call.outcome.status === 'rejected');
    expect(refused).toHaveLength(2);
    for (const { outcome } of refused) {
      expect(outcome.status === 'rejected' && outcome.reason).toBeInstanceOf(BrokenCircuitError);
      expect(outcome.status === 'rejected' && outcome.reason).toMatchObject({
        retryAfterMs: defaultSharedBreakerOptions.probeLeaseMs,
      });
    }
    probe.finish(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(breakers.map((breaker) => breaker.state)).toEqual(['closed', 'closed', 'closed']);
    await expect(breakers[1]!.execute(succeed)).resolves.toBe('ok');
  });

  it('reopens every process when the probe fails', async () => {
    const shared = new MemorySharedState();
    const a = processBreaker(shared);
    const b = processBreaker(shared);
    await openIn(a);
    await vi.advanceTimersByTimeAsync(halfOpenAfterMs);
    await expect(b.execute(fail)).rejects.toThrow('server');
    await vi.advanceTimersByTimeAsync(0);
    expect(a.state).toBe('open');
    expect(a.retryAfterMs()).toBe(halfOpenAfterMs);
    await expect(a.execute(succeed)).rejects.toBeInstanceOf(BrokenCircuitError);
  });

  it('lets another process probe once the prober’s lease runs out', async () => {
    const shared = new MemorySharedState();
    const a = processBreaker(shared, { probeLeaseMs: 5000 });
    const b = processBreaker(shared, { probeLeaseMs: 5000 });
    await openIn(a);
    await vi.advanceTimersByTimeAsync(halfOpenAfterMs);
    // A's probe never answers, as if its process had died.
    const stuck = gated();
    void a.execute(stuck.calls).catch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    await expect(b.execute(succeed)).rejects.toMatchObject({ retryAfterMs: 5000 });
    expect(b.retryAfterMs()).toBe(5000);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(b.execute(succeed)).resolves.toBe('ok');
    await vi.advanceTimersByTimeAsync(0);
    expect(a.state).toBe('closed');
  });

  describe('when the shared state fails', () => {
    it.each([{ kind: 'rejecting' }, { kind: 'hanging' }, { kind: 'slow', delayMs: 1000 }] as const)(
      'goes on alone when it is $kind, then rejoins',
      async (behaviour) => {
        const shared = new FaultySharedState(new MemorySharedState());
        const a = processBreaker(shared);
        const faults: SharedStateFault[] = [];
        const rejoins = vi.fn();
        a.onSharedStateFault((fault) => faults.push(fault));
        a.onSharedStateRejoin(rejoins);
        await vi.advanceTimersByTimeAsync(0);
        shared.behaviour = behaviour;
        await openIn(a);
        await vi.advanceTimersByTimeAsync(defaultSharedStateOptions.timeoutMs + 1);
        expect(faults.map(({ operation, key }) => ({ operation, key }))).toEqual([
          { operation: 'open-breaker', key: 'circuit-breaker:t' },
        ]);
        // Half-open on its own: it probes without a lease, and its success closes it.
        await vi.advanceTimersByTimeAsync(halfOpenAfterMs);
        await expect(a.execute(succeed)).resolves.toBe('ok');
        expect(a.state).toBe('closed');

        shared.behaviour = { kind: 'healthy' };
        await vi.advanceTimersByTimeAsync(defaultSharedStateOptions.rejoinAfterMs);
        await openIn(a);
        expect(rejoins).toHaveBeenCalledWith({ key: 'circuit-breaker:t' });
        const b = processBreaker(shared);
        await vi.advanceTimersByTimeAsync(0);
        expect(b.state).toBe('open');
        a.dispose();
        b.dispose();
        await vi.runAllTimersAsync();
        expect(vi.getTimerCount()).toBe(0);
      },
    );

    it('reads the fleet again on its first call after the back-off, and rejoins', async () => {
      const memory = new MemorySharedState();
      // Without pushes, a breaker learns of the fleet only by reading.
      const shared = new FaultySharedState(memory, { push: false });
      shared.behaviour = { kind: 'rejecting' };
      const a = processBreaker(shared);
      const rejoins = vi.fn();
      a.onSharedStateRejoin(rejoins);
      await vi.advanceTimersByTimeAsync(0);
      shared.behaviour = { kind: 'healthy' };
      await vi.advanceTimersByTimeAsync(defaultSharedStateOptions.rejoinAfterMs);
      // Another process opened the fleet's breaker, which this one has not read since.
      await openIn(processBreaker(memory));
      expect(a.state).toBe('closed');
      // Its next call goes through as it stands, and reads the fleet on the way.
      await expect(a.execute(succeed)).resolves.toBe('ok');
      await vi.advanceTimersByTimeAsync(0);
      expect(rejoins).toHaveBeenCalledOnce();
      expect(a.state).toBe('open');
    });

    it('probes on its own when the lease does not answer', async () => {
      const shared = new FaultySharedState(new MemorySharedState());
      const a = processBreaker(shared);
      await openIn(a);
      await vi.advanceTimersByTimeAsync(halfOpenAfterMs);
      shared.behaviour = { kind: 'hanging' };
      const call = track(a.execute(succeed));
      // A lease request has a longer bound than other operations: it comes once per open period.
      await vi.advanceTimersByTimeAsync(defaultSharedStateOptions.timeoutMs + 1);
      expect(call.outcome.status).toBe('pending');
      await vi.advanceTimersByTimeAsync(leaseTimeoutFloorMs - defaultSharedStateOptions.timeoutMs);
      expect(call.outcome).toEqual({ status: 'fulfilled', value: 'ok' });
      await vi.runAllTimersAsync();
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  it('refuses bad shared options naming the field', () => {
    const state = new MemorySharedState();
    const build = (shared: unknown) =>
      new CircuitBreakerPolicy({ shared: shared as { state: SharedState; key: string } });
    expect(() => build({ state: 'redis', key: 'k' })).toThrow(InvalidOptionError);
    expect(() => build({ state: 'redis', key: 'k' })).toThrow(/shared\.state/);
    expect(() => build({ state, key: 'k', probeLeaseMs: 0 })).toThrow(/shared\.probeLeaseMs/);
    expect(() => build({ state, key: 'k', probeLease: 5 })).toThrow(/probeLeaseMs/);
    expect(() => build({ state })).toThrow(/shared\.key/);
  });
});
