import { InvalidOptionError } from '../errors/invalid-option-error';

/** One value in a {@link MinHeap}: the handle `push` returns, through which it leaves early. */
export interface MinHeapEntry<T> {
  /** The number the heap orders by, smallest first. */
  readonly key: number;
  /** What the entry carries. */
  readonly value: T;
  /** Whether the entry is still in its heap. */
  readonly queued: boolean;
}

class Slot<T> implements MinHeapEntry<T> {
  constructor(
    readonly key: number,
    readonly value: T,
    /** Pushes before this one: breaks ties between equal keys, first pushed first. */
    readonly order: number,
    /** Where the slot stands in its heap's array; -1 once it left. */
    public index: number,
    public owner: MinHeap<T> | undefined,
  ) {}

  get queued(): boolean {
    return this.owner !== undefined;
  }
}

/**
 * A binary min-heap by a numeric key whose entries can leave from anywhere: the index of
 * deadlines a waiting line needs to find the waiters whose deadline comes first (a limiter's
 * `latestGrantAt`) without walking the line. `push`, `pop` and `remove` (by handle) are
 * O(log n), `peek` and `length` O(1); each entry remembers its place in the array, so removal
 * needs no search. Equal keys come out in the order they were pushed. Memory is one entry
 * object and one array slot per value.
 */
export class MinHeap<T> {
  private readonly slots: Slot<T>[] = [];
  private pushes = 0;

  /** Entries in the heap. */
  get length(): number {
    return this.slots.length;
  }

  /** Adds `value` under `key`; NaN is refused with `InvalidOptionError`, having no place in the order. */
  push(key: number, value: T): MinHeapEntry<T> {
    if (Number.isNaN(key))
      throw new InvalidOptionError({ field: 'key', value: key, reason: 'is not a number' });
    const slot = new Slot(key, value, this.pushes++, this.slots.length, this);
    this.slots.push(slot);
    this.siftUp(slot.index);
    return slot;
  }

  /** The entry with the smallest key, left in place; `undefined` when the heap is empty. */
  peek(): MinHeapEntry<T> | undefined {
    return this.slots[0];
  }

  /** Takes the entry with the smallest key out; `undefined` when the heap is empty. */
  pop(): MinHeapEntry<T> | undefined {
    const top = this.slots[0];
    if (top) this.removeAt(0);
    return top;
  }

  /** Takes `entry` out wherever it stands; false when it already left (or is another heap's). */
  remove(entry: MinHeapEntry<T>): boolean {
    if (!(entry instanceof Slot) || entry.owner !== this) return false;
    this.removeAt((entry as Slot<T>).index);
    return true;
  }

  private removeAt(index: number): void {
    const removed = this.slots[index]!;
    const last = this.slots.pop()!;
    removed.index = -1;
    removed.owner = undefined;
    if (last === removed) return;
    this.place(last, index);
    this.siftUp(index);
    this.siftDown(last.index);
  }

  private siftUp(index: number): void {
    const slot = this.slots[index]!;
    let at = index;
    while (at > 0) {
      const parentIndex = (at - 1) >> 1;
      const parent = this.slots[parentIndex]!;
      if (!precedes(slot, parent)) break;
      this.place(parent, at);
      at = parentIndex;
    }
    this.place(slot, at);
  }

  private siftDown(index: number): void {
    const slot = this.slots[index]!;
    const { length } = this.slots;
    let at = index;
    for (;;) {
      const leftIndex = 2 * at + 1;
      if (leftIndex >= length) break;
      const rightIndex = leftIndex + 1;
      const left = this.slots[leftIndex]!;
      const right = this.slots[rightIndex];
      const takeRight = right !== undefined && precedes(right, left);
      const childIndex = takeRight ? rightIndex : leftIndex;
      const child = takeRight ? right : left;
      if (!precedes(child, slot)) break;
      this.place(child, at);
      at = childIndex;
    }
    this.place(slot, at);
  }

  private place(slot: Slot<T>, index: number): void {
    this.slots[index] = slot;
    slot.index = index;
  }
}

function precedes<T>(a: Slot<T>, b: Slot<T>): boolean {
  return a.key < b.key || (a.key === b.key && a.order < b.order);
}
