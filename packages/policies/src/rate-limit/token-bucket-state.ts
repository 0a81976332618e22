/** Window state as a provider reports it in rate-limit headers. */
export interface RateLimitWindowObservation {
  /** The maximum allowed in the window. */
  readonly limit?: number;
  /** What is left now. */
  readonly remaining?: number;
  /** Milliseconds until the window is whole again. */
  readonly resetMs?: number;
  /**
   * The window's length as inferred from the reports so far (see `WindowInference`): the
   * bucket adopts it, and with it the rate `capacity / windowMs`. Defaults to none (the
   * bucket's window stands).
   */
  readonly windowMs?: number;
}

/**
 * How a server gives back what was used: `continuous` drips it back at the limit's rate (the
 * token buckets OpenAI and Anthropic describe); `fixed` gives nothing back until the window ends
 * and everything then (gateways and proxies counting per fixed window).
 */
export type WindowKind = 'continuous' | 'fixed';

/**
 * How a bucket refills between the server's reports.
 * - `continuous`: drips, no faster than the server implies, until the reported reset.
 * - `at-reset`: nothing before the reported reset (or the end of a window of `windowMs` opened
 *   by the first take); at it, full less what was taken since the latest report. Right for
 *   continuous buckets and fixed windows alike: what a limiter switches to after a 429.
 * - `fixed-window`: as `at-reset`, for a server known to count fixed windows: of the reports of
 *   one window the earliest reset is kept, late reports of a closed window are ignored, and the
 *   bucket is whole at the reset.
 */
export type RefillMode = 'continuous' | 'at-reset' | 'fixed-window';

/**
 * One dimension of a rate limiter (requests or tokens): `capacity` per `windowMs`, refilled as
 * its {@link RefillMode} says and corrected by what the server reports. `level` may go below
 * zero when a call used more than it reserved: later calls wait it off.
 */
export interface TokenBucket {
  capacity: number;
  /** The window `capacity` refers to: configured, or inferred from the server's reports. */
  windowMs: number;
  /** `capacity / windowMs`. */
  ratePerMs: number;
  level: number;
  updatedAt: number;
  refillMode: RefillMode;
  /** When the bucket is whole again: the server's reported reset, or the end of the open fixed window (0: none pending). */
  resetAt: number;
  /** Continuous: the refill rate until `resetAt`, no faster than the server implied. */
  slowRatePerMs: number;
  /** Taken since the server last reported, which its reset may still count. */
  takenSinceObservation: number;
  /** At reset: whether `resetAt` came from the server rather than from the local window. */
  resetReported: boolean;
  /** Fixed window: the end of the last window that closed, to recognise late reports of it (0: none). */
  lastResetAt: number;
}
