import { NEVER_SETTLED } from '../workload/bounded-send.ts';
import type { Outcome } from '../workload/offer-load.ts';
import { percentile } from './percentile.ts';

/** What the callers of one arm saw: successes, typed failures, calls that never settled. */
export interface OutcomeSummary {
  offered: number;
  completed: number;
  /** Calls that failed with an error, lost ones not included. */
  failed: number;
  /** Calls that had not settled by their deadline plus a grace: they never settled. */
  lost: number;
  /** Typed failures by error class name, lost calls not included. */
  errors: Record<string, number>;
  /** Latency of successes, from the call to its answer (last chunk for streams). */
  latencyP50Ms: number;
  latencyP99Ms: number;
}

/** Counts `outcomes` the way every scenario reports them. */
export function summarizeOutcomes(outcomes: readonly Outcome[]): OutcomeSummary {
  const successes = outcomes.filter((outcome) => outcome.ok);
  const latencies = successes.map((outcome) => outcome.settledAtMs - outcome.offeredAtMs);
  const errors: Record<string, number> = {};
  let lost = 0;
  for (const { errorName } of outcomes) {
    if (errorName === NEVER_SETTLED) lost++;
    else if (errorName) errors[errorName] = (errors[errorName] ?? 0) + 1;
  }
  return {
    offered: outcomes.length,
    completed: successes.length,
    failed: outcomes.length - successes.length - lost,
    lost,
    errors,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
  };
}
