import { MinHeap, type MinHeapEntry } from './min-heap';
import { WaitQueue, type WaitQueueEntry } from './wait-queue';

/** One place in a {@link DeadlineQueue}: the handle `push` returns. */
export interface DeadlineQueueEntry<T> {
  /** What waits here. */
  readonly value: T;
  /** What it adds to the queue's weight (a rate limiter's tokens). */
  readonly weight: number;
  /** Epoch milliseconds by which it must be served; `Infinity` for none. */
  readonly deadline: number;
  /** Whether the entry still stands in its queue. */
  readonly queued: boolean;
}

class Place<T> implements DeadlineQueueEntry<T> {
  line: WaitQueueEntry<Place<T>> | undefined = undefined;
  byDeadline: MinHeapEntry<Place<T>> | undefined = undefined;

  constructor(
    readonly value: T,
    readonly weight: number,
    readonly deadline: number,
  ) {}

  get queued(): boolean {
    return this.line?.queued ?? false;
  }
}

/**
 * A first-in-first-out waiting line whose entries carry a weight and a deadline: what a rate
 * limiter needs to tell in O(1) that no waiter can miss its deadline. It keeps the weight
 * queued (added and subtracted in the order values join and leave, as a running total is),
 * the exact sum of those weights while it can be exact, and the earliest deadline.
 *
 * Costs: `push` and `remove` (by handle) O(log d) where d counts the entries with a finite
 * deadline (a {@link MinHeap} of them; endless deadlines cost O(1)); `peek`, `peekLast`,
 * `length`, `totalWeight`, `exactWeight` and `earliestDeadline` O(1); `shift` as `remove`.
 * Memory: three small objects per entry with a deadline, two without.
 */
export class DeadlineQueue<T> {
  private readonly line = new WaitQueue<Place<T>>();
  private readonly deadlines = new MinHeap<Place<T>>();
  private runningWeight = 0;
  private exactSum = 0;
  /** Entries whose weight is no safe integer, and whether the exact sum passed 2^53 - 1. */
  private inexactEntries = 0;
  private exactSumOverflowed = false;

  /** Values waiting. */
  get length(): number {
    return this.line.length;
  }

  /**
   * The weight queued, kept as a running total: each `push` adds, each leave subtracts, in
   * that order, so with fractional weights it may differ by rounding from a fresh sum.
   */
  get totalWeight(): number {
    return this.runningWeight;
  }

  /**
   * The sum of the queued weights, exact: any order of adding them gives this very number.
   * `undefined` when it cannot be known exactly in O(1): some weight queued is no safe integer,
   * or the sum passed `Number.MAX_SAFE_INTEGER` since the queue was last empty.
   */
  get exactWeight(): number | undefined {
    return this.inexactEntries > 0 || this.exactSumOverflowed ? undefined : this.exactSum;
  }

  /** The earliest deadline queued; `Infinity` when none is finite. */
  get earliestDeadline(): number {
    return this.deadlines.peek()?.key ?? Infinity;
  }

  /** Puts `value` at the back of the line with its weight and deadline (`Infinity` for none). */
  push(value: T, weight: number, deadline: number): DeadlineQueueEntry<T> {
    const place = new Place(value, weight, deadline);
    place.line = this.line.push(place);
    if (deadline !== Infinity) place.byDeadline = this.deadlines.push(deadline, place);
    this.runningWeight += weight;
    if (Number.isSafeInteger(weight)) this.exactSum += weight;
    else this.inexactEntries++;
    if (this.exactSum > Number.MAX_SAFE_INTEGER) this.exactSumOverflowed = true;
    return place;
  }

  /** The value at the front, left in place; `undefined` when the line is empty. */
  peek(): T | undefined {
    return this.line.peek()?.value;
  }

  /** The entry at the back, left in place; `undefined` when the line is empty. */
  peekLast(): DeadlineQueueEntry<T> | undefined {
    return this.line.peekLast();
  }

  /** Takes the value at the front out of the line; `undefined` when the line is empty. */
  shift(): T | undefined {
    const place = this.line.peek();
    if (!place) return undefined;
    this.remove(place);
    return place.value;
  }

  /** Takes `entry` out wherever it stands; false when it already left (or is another queue's). */
  remove(entry: DeadlineQueueEntry<T>): boolean {
    if (!(entry instanceof Place) || !entry.line || !this.line.remove(entry.line)) return false;
    const place = entry as Place<T>;
    if (place.byDeadline) this.deadlines.remove(place.byDeadline);
    this.runningWeight -= place.weight;
    if (Number.isSafeInteger(place.weight)) this.exactSum -= place.weight;
    else this.inexactEntries--;
    if (this.line.length === 0) {
      this.exactSum = 0;
      this.exactSumOverflowed = false;
    }
    return true;
  }

  /** The values from the front; take a copy (`[...queue]`) to remove while walking. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (const place of this.line) yield place.value;
  }
}
