import { createManualClock } from '@resilient-llm/simulator';
import { describe, expect, it } from 'vitest';
import { createWindowQueue } from './window-queue';

function queueOf({ maxSize = 3, maxWeight = 100 }: { maxSize?: number; maxWeight?: number } = {}) {
  const clock = createManualClock(0);
  const batches: string[][] = [];
  const queue = createWindowQueue<string>({
    maxWaitMs: 10,
    maxSize,
    maxWeight,
    weigh: (entry) => entry.length,
    clock,
    flush: (entries) => batches.push(entries),
  });
  return { clock, batches, queue };
}

describe('createWindowQueue', () => {
  it('sends a batch when its window ends, timed from its first entry', () => {
    const { clock, batches, queue } = queueOf();
    queue.add('a');
    clock.advance(6);
    queue.add('b');
    clock.advance(3);
    expect(batches).toEqual([]);
    clock.advance(1);
    expect(batches).toEqual([['a', 'b']]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('sends a full batch at once and starts a new window for the next entry', () => {
    const { clock, batches, queue } = queueOf();
    for (const entry of ['a', 'b', 'c', 'd']) queue.add(entry);
    expect(batches).toEqual([['a', 'b', 'c']]);
    clock.advance(10);
    expect(batches).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('closes a batch before an entry that would exceed the weight, and sends a heavy entry alone', () => {
    const { clock, batches, queue } = queueOf({ maxSize: 10, maxWeight: 5 });
    queue.add('aa');
    queue.add('bb');
    queue.add('cc');
    expect(batches).toEqual([['aa', 'bb']]);
    queue.add('heavy entry');
    expect(batches).toEqual([['aa', 'bb'], ['cc'], ['heavy entry']]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('takes a removed entry out, and stops the timer when the batch is empty', () => {
    const { clock, batches, queue } = queueOf();
    queue.add('a');
    queue.add('b');
    expect(queue.remove('a')).toBe(true);
    expect(queue.remove('a')).toBe(false);
    queue.remove('b');
    expect(clock.pendingTimers()).toBe(0);
    queue.add('c');
    queue.flush();
    expect(batches).toEqual([['c']]);
    expect(clock.pendingTimers()).toBe(0);
  });
});
