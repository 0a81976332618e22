/** Counters of one slice of traffic (everything, one API key or one model). */
export interface TrafficCounters {
  /** Requests received. */
  requests: number;
  /** Outcomes: HTTP status as text (`"200"`, `"429"`), or `connection-reset`, `hang`. */
  byStatus: Record<string, number>;
  /** 429 `rate_limit_exceeded` responses sent (limits and injected), not `insufficient_quota`. */
  rateLimited: number;
  /** Faults that took effect, by type. */
  faults: Record<string, number>;
  /** Prompt tokens of answered requests (the simulator's estimate). */
  promptTokens: number;
  /** Output tokens of answered requests. */
  completionTokens: number;
  /** Requests being served right now. */
  inFlight: number;
  /** Most requests served at the same time. */
  peakConcurrency: number;
}

/** What `stats()` returns: totals, plus the same counters per API key and per model. */
export interface SimulatorStats extends TrafficCounters {
  byKey: Record<string, TrafficCounters>;
  byModel: Record<string, TrafficCounters>;
}

/** Creates zeroed counters. */
export function emptyCounters(): TrafficCounters {
  return {
    requests: 0,
    byStatus: {},
    rateLimited: 0,
    faults: {},
    promptTokens: 0,
    completionTokens: 0,
    inFlight: 0,
    peakConcurrency: 0,
  };
}

/** A deep copy, so callers can keep a snapshot while traffic goes on. */
export function copyStats(stats: SimulatorStats): SimulatorStats {
  return structuredClone(stats);
}
