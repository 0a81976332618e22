/**
 * Shortfall still counted as enough. `rate × elapsed` in floating point can land a hair below
 * a whole token exactly when it is due; without this, such a request would be refused.
 */
const LEVEL_TOLERANCE = 1e-9;

/**
 * Durations are rounded to a millionth of a millisecond, so floating-point noise (a due time
 * of `50.00000000001`) never adds a whole millisecond to `retry-after-ms`.
 */
const DURATION_STEPS_PER_MS = 1_000_000;

/** Size and speed of a {@link RefillingBucket}. */
export interface RefillingBucketOptions {
  /** Most the bucket holds, and what it holds when created. */
  readonly capacity: number;
  /** Time to refill from empty to full; the bucket gains `capacity / refillMs` per millisecond. */
  readonly refillMs: number;
}

/**
 * A bucket that refills continuously, as OpenAI's and Anthropic's limits do. Every method
 * takes the current time and first adds what flowed in since the last call; the level never
 * goes below 0 nor above the capacity.
 */
export class RefillingBucket {
  private readonly capacity: number;
  private readonly refillMs: number;
  private level: number;
  private updatedAt: number;

  /** A full bucket at `now`. */
  constructor({ capacity, refillMs }: RefillingBucketOptions, now: number) {
    this.capacity = capacity;
    this.refillMs = refillMs;
    this.level = capacity;
    this.updatedAt = now;
  }

  /** Whether `amount` can be taken at `now`. */
  holds(amount: number, now: number): boolean {
    this.refill(now);
    return this.level + LEVEL_TOLERANCE >= amount;
  }

  /** Takes `amount` out; callers check {@link holds} first. */
  take(amount: number, now: number): void {
    this.refill(now);
    this.level = Math.max(0, this.level - amount);
  }

  /** Puts back `amount` taken earlier, up to the capacity. */
  giveBack(amount: number, now: number): void {
    this.refill(now);
    this.level = Math.min(this.capacity, this.level + amount);
  }

  /** Whole units left at `now`, as `x-ratelimit-remaining-*` reports them. */
  remaining(now: number): number {
    this.refill(now);
    return Math.floor(this.level + LEVEL_TOLERANCE);
  }

  /** Whether the bucket is full at `now`. */
  isFull(now: number): boolean {
    return this.msUntilFull(now) === 0;
  }

  /** Time from `now` until the bucket is full, as `x-ratelimit-reset-*` reports it; 0 when full. */
  msUntilFull(now: number): number {
    return this.msUntilLevel(this.capacity, now);
  }

  /**
   * Time from `now` until `amount` can be taken; 0 when it can be now. An amount beyond the
   * capacity can never be taken: its wait is the time until the bucket is full.
   */
  msUntilHolding(amount: number, now: number): number {
    return this.msUntilLevel(Math.min(amount, this.capacity), now);
  }

  private msUntilLevel(target: number, now: number): number {
    this.refill(now);
    const shortfall = target - this.level;
    if (shortfall <= LEVEL_TOLERANCE) return 0;
    const ms = (shortfall * this.refillMs) / this.capacity;
    return Math.round(ms * DURATION_STEPS_PER_MS) / DURATION_STEPS_PER_MS;
  }

  private refill(now: number): void {
    if (now <= this.updatedAt) return;
    const gained = ((now - this.updatedAt) * this.capacity) / this.refillMs;
    this.level = Math.min(this.capacity, this.level + gained);
    this.updatedAt = now;
  }
}
