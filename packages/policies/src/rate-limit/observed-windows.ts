import type { RateLimitBuckets } from './rate-limit-buckets';
import type { RateLimiterOptions, RateLimitObservation } from './rate-limiter-options';
import { WindowInference } from './window-inference';

/**
 * What a limiter learns about the server's windows from its reports: each window's length
 * (unless one was configured) and, with `windowKind: 'auto'`, whether the server counts fixed
 * windows. The kind is learned whether or not the length was configured: a configured
 * `windowMs` says how long the server's window is, not how it refills, and a fixed window read
 * as a drip halves what a limiter lets out (each reset gives back only what the reports had
 * not yet counted).
 */
export class ObservedWindows {
  private readonly requests = new WindowInference();
  private readonly tokens = new WindowInference();

  /**
   * @param windowConfigured Whether `windowMs` was configured: it then stands, no length is inferred.
   * @param windowKind The limiter's `windowKind`; only `'auto'` switches to fixed windows.
   */
  constructor(
    private readonly windowConfigured: boolean,
    private readonly windowKind: NonNullable<RateLimiterOptions['windowKind']>,
  ) {}

  /**
   * Folds in one report at `now`: returns it with each window's inferred length (the report
   * as it came when the window was configured), and switches `buckets` to counting fixed
   * windows once the reports show one.
   */
  fold(
    observation: RateLimitObservation,
    buckets: RateLimitBuckets,
    now: number,
  ): RateLimitObservation {
    // With a configured window, the reports are still read for its kind, but left as they came.
    const requests = this.inferred(
      this.requests,
      observation.requests,
      buckets.requestCapacity,
      now,
    );
    const tokens = this.inferred(this.tokens, observation.tokens, buckets.tokenCapacity, now);
    if (
      this.windowKind === 'auto' &&
      (this.requests.showsFixedWindow || this.tokens.showsFixedWindow)
    )
      buckets.learnFixedWindows();
    return this.windowConfigured ? observation : { requests, tokens };
  }

  private inferred(
    inference: WindowInference,
    report: RateLimitObservation['requests'],
    capacity: number,
    now: number,
  ): RateLimitObservation['requests'] {
    if (!report) return report;
    const windowMs = inference.infer(report, capacity, now);
    return windowMs === undefined || this.windowConfigured ? report : { ...report, windowMs };
  }
}
