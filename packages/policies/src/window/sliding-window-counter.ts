import { type Clock, systemClock } from '../time/clock';

/** Plain-object state of a {@link SlidingWindowCounter}, safe to serialise as JSON. */
export interface SlidingWindowCounterState {
  /** For each bucket, the index (time / bucket width) it currently counts for. */
  readonly bucketIndexes: readonly number[];
  /** For each bucket, its count. */
  readonly counts: readonly number[];
}

/**
 * Counts events over the last `windowMs`, in `buckets` slices: memory stays constant however
 * many events arrive, and the window slides one slice at a time.
 */
export class SlidingWindowCounter {
  private readonly bucketMs: number;
  private bucketIndexes: number[];
  private counts: number[];

  constructor(
    windowMs: number,
    private readonly buckets = 10,
    private readonly clock: Clock = systemClock,
  ) {
    this.bucketMs = Math.max(1, windowMs / buckets);
    this.bucketIndexes = new Array<number>(buckets).fill(-Infinity);
    this.counts = new Array<number>(buckets).fill(0);
  }

  /** Adds `amount` to the current slice. */
  add(amount = 1): void {
    const index = Math.floor(this.clock.now() / this.bucketMs);
    const slot = ((index % this.buckets) + this.buckets) % this.buckets;
    if (this.bucketIndexes[slot] !== index) {
      this.bucketIndexes[slot] = index;
      this.counts[slot] = 0;
    }
    this.counts[slot]! += amount;
  }

  /** The sum over the window that ends now. */
  total(): number {
    const oldest = Math.floor(this.clock.now() / this.bucketMs) - this.buckets;
    let sum = 0;
    for (let slot = 0; slot < this.buckets; slot++) {
      if (this.bucketIndexes[slot]! > oldest) sum += this.counts[slot]!;
    }
    return sum;
  }

  /** Forgets every event. */
  clear(): void {
    this.bucketIndexes.fill(-Infinity);
    this.counts.fill(0);
  }

  /** The state as a plain object. */
  snapshot(): SlidingWindowCounterState {
    return { bucketIndexes: this.bucketIndexes.map(finiteOrNull), counts: [...this.counts] };
  }

  /** Replaces the state with one taken by {@link snapshot}; a mismatched shape is ignored. */
  restore(state: SlidingWindowCounterState): void {
    if (state.counts.length !== this.buckets || state.bucketIndexes.length !== this.buckets) return;
    this.bucketIndexes = state.bucketIndexes.map((index) => index ?? -Infinity);
    this.counts = [...state.counts];
  }
}

// JSON turns -Infinity into null; write it that way on purpose and read null back.
function finiteOrNull(index: number): number {
  return Number.isFinite(index) ? index : (null as unknown as number);
}
