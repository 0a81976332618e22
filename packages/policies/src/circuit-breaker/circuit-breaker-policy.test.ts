import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortedError } from '../errors/aborted-error';
import { BrokenCircuitError } from '../errors/broken-circuit-error';
import { MemoryStateStore } from '../store/memory-state-store';
import { CircuitBreakerPolicy } from './circuit-breaker-policy';
import type { CircuitBreakerSnapshot } from './circuit-breaker-snapshot';

const fail = async () => {
  throw new Error('down');
};
const succeed = async () => 'ok';

async function failTimes(breaker: CircuitBreakerPolicy, times: number): Promise<void> {
  for (let index = 0; index < times; index++)
    await expect(breaker.execute(fail)).rejects.toThrow('down');
}

describe('CircuitBreakerPolicy', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens after `threshold` consecutive failures and refuses calls without making them', async () => {
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'consecutive', threshold: 3 },
      halfOpenAfterMs: 10_000,
    });
    await failTimes(breaker, 2);
    await expect(breaker.execute(succeed)).resolves.toBe('ok');
    await failTimes(breaker, 3);
    expect(breaker.state).toBe('open');
    const fn = vi.fn(succeed);
    vi.advanceTimersByTime(4000);
    const error = await breaker.execute(fn).catch((caught: unknown) => caught);
    expect(BrokenCircuitError.isInstance(error)).toBe(true);
    expect((error as BrokenCircuitError).retryAfterMs).toBe(6000);
    expect(fn).not.toHaveBeenCalled();
  });

  it('peeks without changing state: canExecute, isOpen, retryAfterMs', async () => {
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'consecutive', threshold: 1 },
      halfOpenAfterMs: 5000,
    });
    expect(breaker.canExecute()).toBe(true);
    await failTimes(breaker, 1);
    expect(breaker.isOpen()).toBe(true);
    expect(breaker.retryAfterMs()).toBe(5000);
    vi.advanceTimersByTime(5000);
    expect(breaker.canExecute()).toBe(true);
    expect(breaker.state).toBe('half-open');
    expect(breaker.retryAfterMs()).toBe(0);
  });

  it('lets a limited number of probes through when half-open and closes when they succeed', async () => {
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'consecutive', threshold: 1 },
      halfOpenAfterMs: 1000,
      halfOpenProbes: 2,
    });
    await failTimes(breaker, 1);
    vi.advanceTimersByTime(1000);
    let release!: () => void;
    const slow = () => new Promise<string>((resolve) => (release = () => resolve('probe')));
    const firstProbe = breaker.execute(slow);
    const secondProbe = breaker.execute(async () => 'second');
    await expect(breaker.execute(succeed)).rejects.toSatisfy(BrokenCircuitError.isInstance);
    await expect(secondProbe).resolves.toBe('second');
    expect(breaker.state).toBe('half-open');
    release();
    await expect(firstProbe).resolves.toBe('probe');
    expect(breaker.state).toBe('closed');
  });

  it('reopens on a failed probe, with the open time growing up to the cap', async () => {
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'consecutive', threshold: 1 },
      halfOpenAfterMs: 1000,
      halfOpenMultiplier: 2,
      maxHalfOpenAfterMs: 3000,
    });
    const openTimes: number[] = [];
    breaker.onBreak(({ retryAfterMs }) => openTimes.push(retryAfterMs));
    await failTimes(breaker, 1);
    for (const wait of [1000, 2000, 3000]) {
      vi.advanceTimersByTime(wait);
      await failTimes(breaker, 1);
    }
    expect(openTimes).toEqual([1000, 2000, 3000, 3000]);
    vi.advanceTimersByTime(3000);
    await breaker.execute(succeed);
    await failTimes(breaker, 1);
    expect(openTimes.at(-1)).toBe(1000);
  });

  it('opens the sampling breaker on the failure ratio only once the minimum throughput is met', async () => {
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'sampling', threshold: 0.5, windowMs: 10_000, minimumThroughput: 6 },
    });
    await failTimes(breaker, 4);
    expect(breaker.state).toBe('closed');
    await breaker.execute(succeed);
    await breaker.execute(succeed);
    expect(breaker.state).toBe('closed');
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('open');
  });

  it('forgets sampled outcomes older than the window', async () => {
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'sampling', threshold: 0.5, windowMs: 10_000, minimumThroughput: 4 },
    });
    await failTimes(breaker, 3);
    vi.advanceTimersByTime(11_000);
    await breaker.execute(succeed);
    await breaker.execute(succeed);
    await breaker.execute(succeed);
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('closed');
  });

  it('counts only errors shouldCount accepts; others count as successes', async () => {
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'consecutive', threshold: 2 },
      shouldCount: (error) => (error as Error).message !== 'bad request',
    });
    await failTimes(breaker, 1);
    await expect(breaker.execute(() => Promise.reject(new Error('bad request')))).rejects.toThrow();
    await failTimes(breaker, 1);
    expect(breaker.state).toBe('closed');
  });

  it('ignores aborted calls', async () => {
    const breaker = new CircuitBreakerPolicy({ strategy: { kind: 'consecutive', threshold: 1 } });
    await expect(breaker.execute(() => Promise.reject(new AbortedError()))).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('emits onBreak, onHalfOpen, onReset and onStateChange', async () => {
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'consecutive', threshold: 1 },
      halfOpenAfterMs: 100,
    });
    const seen: string[] = [];
    breaker.onBreak(() => seen.push('break'));
    breaker.onHalfOpen(() => seen.push('half-open'));
    breaker.onReset(() => seen.push('reset'));
    breaker.onStateChange(({ from, to }) => seen.push(`${from}->${to}`));
    await failTimes(breaker, 1);
    vi.advanceTimersByTime(100);
    await breaker.execute(succeed);
    expect(seen).toEqual([
      'closed->open',
      'break',
      'open->half-open',
      'half-open',
      'half-open->closed',
      'reset',
    ]);
  });

  it('snapshots to JSON and restores into another breaker', async () => {
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'sampling', minimumThroughput: 2 },
      halfOpenAfterMs: 8000,
    });
    await failTimes(breaker, 2);
    const json = JSON.stringify(breaker.snapshot());
    const copy = new CircuitBreakerPolicy({
      strategy: { kind: 'sampling', minimumThroughput: 2 },
      halfOpenAfterMs: 8000,
    });
    copy.restore(JSON.parse(json) as CircuitBreakerSnapshot);
    vi.advanceTimersByTime(3000);
    expect(copy.isOpen()).toBe(true);
    expect(copy.retryAfterMs()).toBe(5000);
  });

  it('saves each change of state to the store and hydrates from it', async () => {
    const store = new MemoryStateStore<CircuitBreakerSnapshot>();
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'consecutive', threshold: 1 },
      store,
      key: 'target-a',
    });
    await failTimes(breaker, 1);
    expect(store.load('target-a')?.state).toBe('open');
    const other = new CircuitBreakerPolicy({
      strategy: { kind: 'consecutive', threshold: 1 },
      store,
      key: 'target-a',
    });
    await other.hydrate();
    expect(other.isOpen()).toBe(true);
  });

  it('reports a failing store without failing the call', async () => {
    const breaker = new CircuitBreakerPolicy({
      strategy: { kind: 'consecutive', threshold: 1 },
      store: { load: () => undefined, save: () => Promise.reject(new Error('store down')) },
    });
    const storeErrors: unknown[] = [];
    breaker.onStoreError((error) => storeErrors.push(error));
    await failTimes(breaker, 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(storeErrors).toHaveLength(1);
  });

  it('rejects an unknown strategy, naming the field', () => {
    expect(() => new CircuitBreakerPolicy({ strategy: { kind: 'nope' } as never })).toThrow(
      /strategy\.kind/,
    );
    expect(
      () => new CircuitBreakerPolicy({ strategy: { kind: 'sampling', threshold: 2 } }),
    ).toThrow(/strategy\.threshold/);
  });
});
