/** Sizes of the fleet scenario. */
export interface FleetSettings {
  seed: number;
  /** The provider's token bucket, one key for the whole fleet: this many requests, refilled over 1 s. */
  requestsPerSecond: number;
  /** The provider's time to answer. */
  serverTimeMs: number;
  /** Worker processes sharing the key. */
  workers: number;
  /** The fleet's offered load, all workers together, as a multiple of the limit. */
  overload: number;
  durationMs: number;
  deadlineMs: number;
}
