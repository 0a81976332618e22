/** Sizes of the burst scenario. */
export interface BurstSettings {
  seed: number;
  /** Calls made at the same moment. */
  calls: number;
  /** The provider's token bucket: this many requests, refilled continuously over 1 s. */
  requestsPerSecond: number;
  /** The provider's time to answer, first token and all. */
  serverTimeMs: number;
  /** `bulkhead.maxConcurrent` of our arms. */
  maxConcurrent: number;
  /** Each call's deadline, from the burst. */
  deadlineMs: number;
}
