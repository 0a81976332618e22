import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaitQueue, type WaitQueueEntry } from './wait-queue';

describe('WaitQueue', () => {
  it('serves first in, first out', () => {
    const queue = new WaitQueue<string>();
    queue.push('a');
    queue.push('b');
    queue.push('c');
    expect(queue.length).toBe(3);
    expect(queue.peek()).toBe('a');
    expect(queue.peekLast()).toBe('c');
    expect(queue.shift()).toBe('a');
    expect([...queue]).toEqual(['b', 'c']);
  });

  it('puts an unshifted value ahead of everyone, leaving its place removable', () => {
    const queue = new WaitQueue<string>();
    queue.push('b');
    const a = queue.unshift('a');
    queue.push('c');
    expect([...queue]).toEqual(['a', 'b', 'c']);
    expect(queue.remove(a)).toBe(true);
    expect([...queue]).toEqual(['b', 'c']);
    const empty = new WaitQueue<string>();
    empty.unshift('only');
    expect([empty.peek(), empty.peekLast(), empty.length]).toEqual(['only', 'only', 1]);
  });

  it('lets an entry leave from the middle, the front or the back, once', () => {
    const queue = new WaitQueue<string>();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((value) => queue.push(value)) as [
      WaitQueueEntry<string>,
      WaitQueueEntry<string>,
      WaitQueueEntry<string>,
      WaitQueueEntry<string>,
    ];
    expect(queue.remove(b)).toBe(true);
    expect(b.queued).toBe(false);
    expect(queue.remove(b)).toBe(false);
    expect(queue.remove(a)).toBe(true);
    expect(queue.remove(d)).toBe(true);
    expect([...queue]).toEqual(['c']);
    expect(queue.peekLast()).toBe('c');
    expect(c.queued).toBe(true);
    expect(queue.length).toBe(1);
  });

  it('refuses an entry of another queue', () => {
    const queue = new WaitQueue<string>();
    const other = new WaitQueue<string>();
    const entry = other.push('x');
    expect(queue.remove(entry)).toBe(false);
    expect(other.length).toBe(1);
  });

  it('walks on when the entry just yielded leaves', () => {
    const queue = new WaitQueue<number>();
    for (let value = 0; value < 6; value++) queue.push(value);
    const seen: number[] = [];
    for (const entry of queue.entries()) {
      seen.push(entry.value);
      if (entry.value % 2 === 0) queue.remove(entry);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...queue]).toEqual([1, 3, 5]);
  });

  it('is empty after shifting past the end', () => {
    const queue = new WaitQueue<number>();
    expect(queue.shift()).toBeUndefined();
    expect(queue.peek()).toBeUndefined();
    queue.push(1);
    queue.shift();
    expect(queue.peekLast()).toBeUndefined();
    expect(queue.length).toBe(0);
  });
});

const operationArbitrary = fc.oneof(
  fc.record({ kind: fc.constant('push' as const) }),
  fc.record({ kind: fc.constant('shift' as const) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
);

describe('WaitQueue properties', () => {
  it('behaves as an array on any sequence of push, shift and remove', () => {
    fc.assert(
      fc.property(fc.array(operationArbitrary, { maxLength: 200 }), (operations) => {
        const queue = new WaitQueue<number>();
        const model: number[] = [];
        const entries: WaitQueueEntry<number>[] = [];
        for (const operation of operations) {
          if (operation.kind === 'push') {
            entries.push(queue.push(entries.length));
            model.push(entries.length - 1);
          } else if (operation.kind === 'shift') {
            expect(queue.shift()).toBe(model.shift());
          } else if (entries.length > 0) {
            // Any entry ever pushed, whether still waiting or long gone.
            const entry = entries[operation.pick % entries.length]!;
            const index = model.indexOf(entry.value);
            expect(queue.remove(entry)).toBe(index >= 0);
            if (index >= 0) model.splice(index, 1);
          }
          expect(queue.length).toBe(model.length);
          expect(queue.peek()).toBe(model[0]);
          expect(queue.peekLast()).toBe(model.at(-1));
        }
        expect([...queue]).toEqual(model);
        for (const entry of entries) expect(entry.queued).toBe(model.includes(entry.value));
      }),
      { numRuns: 500 },
    );
  });
});
