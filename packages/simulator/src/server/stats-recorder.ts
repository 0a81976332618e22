import { emptyCounters, type SimulatorStats, type TrafficCounters } from './stats';

/** The three slices one request counts in: totals, its key, its model. */
export type CounterSlices = readonly [TrafficCounters, TrafficCounters, TrafficCounters];

/** Collects traffic counters for `stats()`. */
export class StatsRecorder {
  private stats = StatsRecorder.empty();

  /** Counts a request as started and returns the slices later outcomes go to. */
  begin(key: string, model: string): CounterSlices {
    const slices: CounterSlices = [
      this.stats,
      slice(this.stats.byKey, key),
      slice(this.stats.byModel, model),
    ];
    for (const counters of slices) {
      counters.requests += 1;
      counters.inFlight += 1;
      counters.peakConcurrency = Math.max(counters.peakConcurrency, counters.inFlight);
    }
    return slices;
  }

  /** The current counters (live object; copy before keeping). */
  current(): SimulatorStats {
    return this.stats;
  }

  /** Zeroes every counter; requests still in flight stay counted as in flight. */
  reset(): void {
    const inFlight = this.stats.inFlight;
    this.stats = StatsRecorder.empty();
    this.stats.inFlight = inFlight;
  }

  private static empty(): SimulatorStats {
    return { ...emptyCounters(), byKey: {}, byModel: {} };
  }
}

/** Records an outcome in each slice. */
export function recordOutcome(slices: CounterSlices, outcome: string): void {
  for (const counters of slices) counters.byStatus[outcome] = (counters.byStatus[outcome] ?? 0) + 1;
}

/** Records a field increment in each slice. */
export function recordCount(
  slices: CounterSlices,
  field: 'rateLimited' | 'promptTokens' | 'completionTokens',
  amount = 1,
): void {
  for (const counters of slices) counters[field] += amount;
}

/** Records faults that took effect. */
export function recordFaults(slices: CounterSlices, faults: readonly string[]): void {
  for (const fault of faults) {
    for (const counters of slices) counters.faults[fault] = (counters.faults[fault] ?? 0) + 1;
  }
}

/** Counts a request as finished. */
export function recordEnd(slices: CounterSlices): void {
  for (const counters of slices) counters.inFlight = Math.max(0, counters.inFlight - 1);
}

function slice(map: Record<string, TrafficCounters>, name: string): TrafficCounters {
  let counters = map[name];
  if (!counters) {
    counters = emptyCounters();
    map[name] = counters;
  }
  return counters;
}
