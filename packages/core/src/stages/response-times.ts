/**
 * The recent response times of one target, and a high percentile of them: how long an answer
 * is likely to take once its request is sent.
 */
export class ResponseTimes {
  private readonly samples: number[] = [];
  private nextIndex = 0;
  private percentile: number | undefined = 0;

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
    this.samples[this.nextIndex] = durationMs;
    this.nextIndex = (this.nextIndex + 1) % this.capacity;
    this.percentile = undefined;
  }

  /** The `quantile` of the kept times (nearest rank); 0 before the first. */
  estimateMs(): number {
    if (this.percentile === undefined) {
      const sorted = [...this.samples].sort((a, b) => a - b);
      this.percentile = sorted[Math.ceil(this.quantile * sorted.length) - 1] ?? 0;
    }
    return this.percentile;
  }
}
