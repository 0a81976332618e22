import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../errors/invalid-option-error';
import { MinHeap, type MinHeapEntry } from './min-heap';

describe('MinHeap', () => {
  it('gives the smallest key first, equal keys in the order pushed', () => {
    const heap = new MinHeap<string>();
    heap.push(3, 'c');
    heap.push(1, 'a');
    heap.push(2, 'b1');
    heap.push(2, 'b2');
    heap.push(Infinity, 'never');
    expect(heap.peek()?.value).toBe('a');
    const popped: string[] = [];
    for (let entry = heap.pop(); entry; entry = heap.pop()) popped.push(entry.value);
    expect(popped).toEqual(['a', 'b1', 'b2', 'c', 'never']);
    expect(heap.length).toBe(0);
  });

  it('lets an entry leave from anywhere, once', () => {
    const heap = new MinHeap<string>();
    const entries = [5, 1, 4, 2, 3].map((key) => heap.push(key, `k${key}`));
    expect(heap.remove(entries[0]!)).toBe(true);
    expect(heap.remove(entries[1]!)).toBe(true);
    expect(heap.remove(entries[1]!)).toBe(false);
    expect(entries[1]!.queued).toBe(false);
    expect(heap.pop()?.value).toBe('k2');
    expect(heap.pop()?.value).toBe('k3');
    expect(heap.pop()?.value).toBe('k4');
    expect(heap.pop()).toBeUndefined();
  });

  it('refuses a NaN key, naming it', () => {
    const heap = new MinHeap<string>();
    expect(() => heap.push(Number.NaN, 'x')).toThrow(InvalidOptionError);
    expect(() => heap.push(Number.NaN, 'x')).toThrow(/key/);
    expect(heap.length).toBe(0);
  });

  it('refuses an entry of another heap', () => {
    const entry = new MinHeap<string>().push(1, 'x');
    expect(new MinHeap<string>().remove(entry)).toBe(false);
  });
});

const operationArbitrary = fc.oneof(
  fc.record({
    kind: fc.constant('push' as const),
    // Few distinct keys, so ties are common; the infinities stand for endless deadlines.
    key: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(Infinity, -Infinity)),
  }),
  fc.record({ kind: fc.constant('pop' as const) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
);

interface ModelEntry {
  readonly key: number;
  readonly id: number;
}

describe('MinHeap properties', () => {
  it('behaves as a list sorted by key then push order, on any sequence of operations', () => {
    fc.assert(
      fc.property(fc.array(operationArbitrary, { maxLength: 200 }), (operations) => {
        const heap = new MinHeap<number>();
        let model: ModelEntry[] = [];
        const entries: MinHeapEntry<number>[] = [];
        for (const operation of operations) {
          if (operation.kind === 'push') {
            const id = entries.length;
            entries.push(heap.push(operation.key, id));
            model.push({ key: operation.key, id });
            model.sort((a, b) => (a.key === b.key ? a.id - b.id : a.key < b.key ? -1 : 1));
          } else if (operation.kind === 'pop') {
            expect(heap.pop()?.value).toBe(model.shift()?.id);
          } else if (entries.length > 0) {
            const entry = entries[operation.pick % entries.length]!;
            const present = model.some((item) => item.id === entry.value);
            expect(heap.remove(entry)).toBe(present);
            model = model.filter((item) => item.id !== entry.value);
          }
          expect(heap.length).toBe(model.length);
          expect(heap.peek()?.value).toBe(model[0]?.id);
        }
        for (const entry of entries)
          expect(entry.queued).toBe(model.some((item) => item.id === entry.value));
      }),
      { numRuns: 500 },
    );
  });
});
