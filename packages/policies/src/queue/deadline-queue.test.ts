import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeadlineQueue, type DeadlineQueueEntry } from './deadline-queue';

describe('DeadlineQueue', () => {
  it('serves first in, first out, whatever the deadlines', () => {
    const queue = new DeadlineQueue<string>();
    queue.push('a', 1, 300);
    queue.push('b', 2, 100);
    queue.push('c', 3, Infinity);
    expect(queue.earliestDeadline).toBe(100);
    expect(queue.shift()).toBe('a');
    expect(queue.peek()).toBe('b');
    expect(queue.peekLast()?.value).toBe('c');
    expect([...queue]).toEqual(['b', 'c']);
  });

  it('keeps the earliest deadline as entries leave', () => {
    const queue = new DeadlineQueue<string>();
    const early = queue.push('early', 0, 100);
    queue.push('late', 0, 200);
    queue.push('never', 0, Infinity);
    expect(queue.remove(early)).toBe(true);
    expect(early.queued).toBe(false);
    expect(queue.remove(early)).toBe(false);
    expect(queue.earliestDeadline).toBe(200);
    queue.shift();
    expect(queue.earliestDeadline).toBe(Infinity);
  });

  it('knows the weight exactly while every weight is a safe integer', () => {
    const queue = new DeadlineQueue<string>();
    queue.push('a', 5, Infinity);
    const fraction = queue.push('b', 0.1, Infinity);
    queue.push('c', 7, Infinity);
    expect(queue.exactWeight).toBeUndefined();
    expect(queue.totalWeight).toBe(5 + 0.1 + 7);
    queue.remove(fraction);
    expect(queue.exactWeight).toBe(12);
  });

  it('gives up the exact weight past 2^53 - 1 until the queue empties', () => {
    const queue = new DeadlineQueue<string>();
    const huge = queue.push('huge', Number.MAX_SAFE_INTEGER, Infinity);
    queue.push('one', 1, Infinity);
    expect(queue.exactWeight).toBeUndefined();
    queue.remove(huge);
    expect(queue.exactWeight).toBeUndefined();
    queue.shift();
    expect(queue.exactWeight).toBe(0);
    queue.push('two', 2, Infinity);
    expect(queue.exactWeight).toBe(2);
  });

  it('refuses an entry of another queue', () => {
    const entry = new DeadlineQueue<string>().push('x', 1, 1);
    expect(new DeadlineQueue<string>().remove(entry)).toBe(false);
  });
});

const operationArbitrary = fc.oneof(
  fc.record({
    kind: fc.constant('push' as const),
    weight: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 1000 }) },
      { weight: 1, arbitrary: fc.double({ min: 0, max: 1000, noNaN: true }) },
    ),
    deadline: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(Infinity)),
  }),
  fc.record({ kind: fc.constant('shift' as const) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
);

interface ModelEntry {
  readonly id: number;
  readonly weight: number;
  readonly deadline: number;
}

describe('DeadlineQueue properties', () => {
  it('behaves as an array with a running total on any sequence of operations', () => {
    fc.assert(
      fc.property(fc.array(operationArbitrary, { maxLength: 200 }), (operations) => {
        const queue = new DeadlineQueue<number>();
        const model: ModelEntry[] = [];
        let runningTotal = 0;
        const entries: DeadlineQueueEntry<number>[] = [];
        const leave = (index: number) => {
          runningTotal -= model[index]!.weight;
          model.splice(index, 1);
        };
        for (const operation of operations) {
          if (operation.kind === 'push') {
            const id = entries.length;
            entries.push(queue.push(id, operation.weight, operation.deadline));
            model.push({ id, weight: operation.weight, deadline: operation.deadline });
            runningTotal += operation.weight;
          } else if (operation.kind === 'shift') {
            expect(queue.shift()).toBe(model[0]?.id);
            if (model.length > 0) leave(0);
          } else if (entries.length > 0) {
            const entry = entries[operation.pick % entries.length]!;
            const index = model.findIndex((item) => item.id === entry.value);
            expect(queue.remove(entry)).toBe(index >= 0);
            if (index >= 0) leave(index);
          }
          expect(queue.length).toBe(model.length);
          expect(queue.peek()).toBe(model[0]?.id);
          expect(queue.peekLast()?.value).toBe(model.at(-1)?.id);
          expect(queue.totalWeight).toBe(runningTotal);
          expect(queue.earliestDeadline).toBe(Math.min(Infinity, ...model.map((m) => m.deadline)));
          const allWhole = model.every((item) => Number.isSafeInteger(item.weight));
          const sum = model.reduce((total, item) => total + item.weight, 0);
          expect(queue.exactWeight).toBe(allWhole ? sum : undefined);
        }
        expect([...queue]).toEqual(model.map((item) => item.id));
      }),
      { numRuns: 500 },
    );
  });
});
