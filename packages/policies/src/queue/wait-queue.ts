/**
 * One place in a {@link WaitQueue}: the handle `push` returns, through which the value leaves
 * the line from wherever it stands.
 */
export interface WaitQueueEntry<T> {
  /** What waits here. */
  readonly value: T;
  /** Whether the entry still stands in its queue. */
  readonly queued: boolean;
}

class Link<T> implements WaitQueueEntry<T> {
  previous: Link<T> | undefined = undefined;
  next: Link<T> | undefined = undefined;

  constructor(
    readonly value: T,
    /** The queue the entry stands in; `undefined` once it left. */
    public owner: WaitQueue<T> | undefined,
  ) {}

  get queued(): boolean {
    return this.owner !== undefined;
  }
}

/**
 * A first-in-first-out waiting line whose costs do not grow with its length: a doubly-linked
 * list of {@link WaitQueueEntry} handles. `push`, `unshift`, `peek`, `shift`, `remove` (of
 * any entry, by its handle) and `length` are O(1) worst case, not amortised: no array to
 * shift or compact, no search for an entry that leaves from the middle (a waiter whose signal
 * fired or whose wait ran out). Memory is one small entry object per waiting value, freed as it leaves.
 *
 * A linked list rather than a ring buffer with tombstones: tombstones make `shift` skip dead
 * slots and need a compaction pass, so one call may pay for many; the list never does.
 */
export class WaitQueue<T> {
  private head: Link<T> | undefined = undefined;
  private tail: Link<T> | undefined = undefined;
  private size = 0;

  /** Values waiting. */
  get length(): number {
    return this.size;
  }

  /** Puts `value` at the back of the line; the returned entry lets it leave early. */
  push(value: T): WaitQueueEntry<T> {
    const entry = new Link(value, this);
    entry.previous = this.tail;
    if (this.tail) this.tail.next = entry;
    else this.head = entry;
    this.tail = entry;
    this.size++;
    return entry;
  }

  /** Puts `value` at the front of the line; the returned entry lets it leave early. */
  unshift(value: T): WaitQueueEntry<T> {
    const entry = new Link(value, this);
    entry.next = this.head;
    if (this.head) this.head.previous = entry;
    else this.tail = entry;
    this.head = entry;
    this.size++;
    return entry;
  }

  /** The value at the front, left in place; `undefined` when the line is empty. */
  peek(): T | undefined {
    return this.head?.value;
  }

  /** The value at the back, left in place; `undefined` when the line is empty. */
  peekLast(): T | undefined {
    return this.tail?.value;
  }

  /** Takes the value at the front out of the line; `undefined` when the line is empty. */
  shift(): T | undefined {
    const entry = this.head;
    if (!entry) return undefined;
    this.unlink(entry);
    return entry.value;
  }

  /** Takes `entry` out of the line wherever it stands; false when it already left (or is another queue's). */
  remove(entry: WaitQueueEntry<T>): boolean {
    if (!(entry instanceof Link) || entry.owner !== this) return false;
    this.unlink(entry as Link<T>);
    return true;
  }

  /**
   * The entries from the front. Removing the entry just yielded is safe (the walk goes on
   * from its successor); removing others during the walk is not.
   */
  *entries(): IterableIterator<WaitQueueEntry<T>> {
    let entry = this.head;
    while (entry) {
      const next = entry.next;
      yield entry;
      entry = next;
    }
  }

  /** The values from the front (see {@link WaitQueue.entries} on removing during the walk). */
  *[Symbol.iterator](): IterableIterator<T> {
    for (const entry of this.entries()) yield entry.value;
  }

  private unlink(entry: Link<T>): void {
    const { previous, next } = entry;
    if (previous) previous.next = next;
    else this.head = next;
    if (next) next.previous = previous;
    else this.tail = previous;
    entry.previous = undefined;
    entry.next = undefined;
    entry.owner = undefined;
    this.size--;
  }
}
