import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortedError } from '../errors/aborted-error';
import { BulkheadRejectedError } from '../errors/bulkhead-rejected-error';
import { track } from '../testing/settle';
import { BulkheadPolicy } from './bulkhead-policy';

/** A function that stays pending until `finish()` is called, recording that it started. */
function gate() {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const run = (name: string) => () =>
    new Promise<string>((resolve) => {
      started.push(name);
      finishers.set(name, () => resolve(name));
    });
  const finish = async (name: string) => {
    finishers.get(name)!();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { started, run, finish };
}

describe('BulkheadPolicy', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('runs at most maxConcurrent calls and queues the rest first in, first out', async () => {
    const bulkhead = new BulkheadPolicy({ maxConcurrent: 2, maxQueued: 2 });
    const { started, run, finish } = gate();
    const calls = ['a', 'b', 'c', 'd'].map((name) => track(bulkhead.execute(run(name))));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(['a', 'b']);
    expect(bulkhead.executionSlots).toBe(0);
    expect(bulkhead.queueSlots).toBe(0);
    await finish('b');
    expect(started).toEqual(['a', 'b', 'c']);
    await finish('a');
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    await finish('c');
    await finish('d');
    expect(calls.map((call) => call.outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(bulkhead.executionSlots).toBe(2);
  });

  it('refuses with BulkheadRejectedError when slots and queue are full', async () => {
    const bulkhead = new BulkheadPolicy({ maxConcurrent: 1, maxQueued: 1 });
    const rejections: unknown[] = [];
    bulkhead.onReject((error) => rejections.push(error));
    const { run, finish } = gate();
    bulkhead.execute(run('a'));
    bulkhead.execute(run('b'));
    const error = await bulkhead.execute(run('c')).catch((caught: unknown) => caught);
    expect(BulkheadRejectedError.isInstance(error)).toBe(true);
    expect((error as BulkheadRejectedError).reason).toBe('full');
    expect(rejections).toHaveLength(1);
    await finish('a');
    await finish('b');
  });

  // 3e9 is beyond the longest host timer.
  it.each([500, 3e9])(
    'refuses a waiter whose queue wait exceeds maxQueueWaitMs of %d',
    async (maxQueueWaitMs) => {
      const bulkhead = new BulkheadPolicy({ maxConcurrent: 1, maxQueued: 1, maxQueueWaitMs });
      const { started, run, finish } = gate();
      bulkhead.execute(run('a'));
      const waiting = track(bulkhead.execute(run('b')));
      await vi.advanceTimersByTimeAsync(maxQueueWaitMs - 1);
      expect(waiting.outcome.status).toBe('pending');
      await vi.advanceTimersByTimeAsync(1);
      expect(waiting.outcome.status).toBe('rejected');
      expect((waiting.outcome as { reason: BulkheadRejectedError }).reason.reason).toBe(
        'queue-timeout',
      );
      expect(bulkhead.queueSlots).toBe(1);
      await finish('a');
      expect(started).toEqual(['a']);
    },
  );

  it('lets an aborted waiter leave the queue at once, freeing its slot', async () => {
    const bulkhead = new BulkheadPolicy({ maxConcurrent: 1, maxQueued: 1, maxQueueWaitMs: 10_000 });
    const { started, run, finish } = gate();
    bulkhead.execute(run('a'));
    const controller = new AbortController();
    const waiting = track(bulkhead.execute(run('b'), controller.signal));
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(AbortedError.isInstance((waiting.outcome as { reason: unknown }).reason)).toBe(true);
    expect(bulkhead.queueSlots).toBe(1);
    const next = track(bulkhead.execute(run('c')));
    await finish('a');
    expect(started).toEqual(['a', 'c']);
    await finish('c');
    expect(next.outcome.status).toBe('fulfilled');
  });

  it('frees the slot when the call fails', async () => {
    const bulkhead = new BulkheadPolicy({ maxConcurrent: 1 });
    await expect(bulkhead.execute(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(bulkhead.execute(async () => 'ok')).resolves.toBe('ok');
  });

  it('rejects invalid options, naming the field', () => {
    expect(() => new BulkheadPolicy({ maxConcurrent: 0 })).toThrow(/maxConcurrent/);
    expect(() => new BulkheadPolicy({ maxQueued: -1 })).toThrow(/maxQueued/);
  });
});
