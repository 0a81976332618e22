import type { BatchSavingsResult } from '../batch-savings/run-batch-savings.ts';
import type { BurstResult } from '../burst/run-burst.ts';
import type { CacheHitResult } from '../cache-hit/run-cache-hit.ts';
import type { CacheSavingsResult } from '../cache-savings/run-cache-savings.ts';
import type { FleetResult } from '../fleet/run-fleet.ts';
import type { GoodputResult } from '../goodput/run-goodput.ts';
import type { OutageResult } from '../outage/run-outage.ts';
import type { OverheadResult } from '../overhead/run-overhead.ts';
import type { PipelineOverheadResult } from '../overhead/run-pipeline-overhead.ts';
import type { ScaleResult } from '../scale/run-scale.ts';
import type { BenchSettings } from '../settings.ts';
import type { SlowFirstTokenResult } from '../slow-first-token/run-slow-first-token.ts';
import type { Machine } from './machine.ts';

/** Everything one run measured, as written to results.json. */
export interface BenchResults {
  command: string;
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  settings: BenchSettings;
  goodput: GoodputResult[];
  /** The goodput scenario against a token-bucket provider. */
  goodputContinuous: GoodputResult[];
  outage: OutageResult[];
  slowFirstToken: SlowFirstTokenResult[];
  overhead: OverheadResult;
  pipelineOverhead: PipelineOverheadResult;
  cacheSavings: CacheSavingsResult[];
  /** The cost of a cache hit against a raw lru-cache get. */
  cacheHit: CacheHitResult;
  batchSavings: BatchSavingsResult;
  burst: BurstResult[];
  fleet: FleetResult[];
  /** Arms of the fleet that could not run here, with the reason (redis-server missing). */
  fleetSkipped: string[];
  /** Calls queued at once on one rate limiter, at growing sizes. */
  scale: ScaleResult;
}
