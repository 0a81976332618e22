import type { Outcome } from '../workload/offer-load.ts';
import type { FleetArmKind } from './fleet-arms.ts';

/** What one worker is told to do, as its first argument (JSON). */
export interface WorkerOrder {
  kind: FleetArmKind;
  baseURL: string;
  /** The fleet's redis-server, for the shared arm. */
  redisURL?: string;
  /** Key prefix of this run on Redis, so that no run sees another's state. */
  prefix: string;
  /** Epoch milliseconds at which the worker offers its first request. */
  startAtEpochMs: number;
  /** This worker's share of the offered load. */
  requestsPerSecond: number;
  durationMs: number;
  deadlineMs: number;
  /** Past its deadline, how long a call may take before it counts as never settled. */
  graceMs: number;
}

/** What a worker sends back once every call it offered has settled or been given up. */
export interface WorkerReport {
  outcomes: Outcome[];
}
