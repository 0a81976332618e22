/**
 * The recent response times of one target, and a high percentile of them: how long an answer
 * is likely to take once its request is sent. Both `record` and `estimateMs` run on every
 * call, so the kept times are also held in order, updated by binary search as a time is added
 * and the oldest leaves: O(capacity) moves of a few dozen numbers, no sort per call.
 */
export class ResponseTimes {
  /** The kept times in the order they came, as a ring once full. */
  private readonly samples: number[] = [];
  /** The same times in ascending order. */
  private readonly sorted: number[] = [];
  private nextIndex = 0;

  /**
   * @param capacity How many recent times are kept. Defaults to 32.
   * @param quantile Which percentile {@link estimateMs} reports, in (0, 1]. Defaults to 0.9.
   */
  constructor(
    private readonly capacity = 32,
    private readonly quantile = 0.9,
  ) {}

  /** Adds one response time, replacing the oldest once `capacity` are kept. */
  record(durationMs: number): void {
    if (!(durationMs >= 0) || !Number.isFinite(durationMs)) return;
    if (this.samples.length === this.capacity) {
      const oldest = this.samples[this.nextIndex]!;
      this.sorted.splice(this.firstIndexNotBelow(oldest), 1);
    }
    this.samples[this.nextIndex] = durationMs;
    this.nextIndex = (this.nextIndex + 1) % this.capacity;
    this.sorted.splice(this.firstIndexNotBelow(durationMs), 0, durationMs);
  }

  /** The `quantile` of the kept times (nearest rank); 0 before the first. */
  estimateMs(): number {
    return this.sorted[Math.ceil(this.quantile * this.sorted.length) - 1] ?? 0;
  }

  /** Where `value` stands in the sorted times: the first index whose time is not below it. */
  private firstIndexNotBelow(value: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
