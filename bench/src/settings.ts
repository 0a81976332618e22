import type { BurstSettings } from './burst/burst-settings.ts';
import type { CacheSavingsSettings } from './cache-savings/run-cache-savings.ts';
import type { FleetSettings } from './fleet/fleet-settings.ts';
import type { GoodputSettings } from './goodput/run-goodput.ts';
import type { OutageSettings } from './outage/run-outage.ts';
import type { ScaleSettings } from './scale/run-scale.ts';
import type { SlowFirstTokenSettings } from './slow-first-token/run-slow-first-token.ts';

/** Sizes of every scenario for one run. */
export interface BenchSettings {
  goodput: GoodputSettings;
  /** The goodput scenario against a provider whose limit refills continuously. */
  goodputContinuous: GoodputSettings;
  outage: OutageSettings;
  slowFirstToken: SlowFirstTokenSettings;
  overhead: { rounds: number; callsPerRound: number };
  /** Sequential HTTP calls on loopback, raw and through the pipeline. */
  pipelineOverhead: { rounds: number; callsPerRound: number };
  cacheSavings: CacheSavingsSettings;
  /** Rounds of the cache hit path's variants. */
  cacheHit: { rounds: number };
  /** Prompts sent one by one and through the batcher, in batches of `batchSize`. */
  batchSavings: { items: number; batchSize: number };
  /** Thousands of calls at the same moment against a token bucket. */
  burst: BurstSettings;
  /** Worker processes sharing one key. */
  fleet: FleetSettings;
  /** Calls queued at once on one rate limiter. */
  scale: ScaleSettings;
}

// One second of simulator window stands for a provider's 60 s window: every wait that the
// common advice gives in provider seconds is multiplied by this.
const TIME_SCALE = 1 / 60;

/** The goodput scenario's provider and load, which the cache savings scenario shares. */
const goodput: GoodputSettings = {
  seed: 7,
  requestsPerWindow: 20,
  windowMs: 1000,
  timeScale: TIME_SCALE,
  overload: 3,
  durationMs: 10_000,
  deadlineMs: 5_000,
};

/** The full run: a few minutes in all. */
export const fullSettings: BenchSettings = {
  goodput,
  goodputContinuous: { ...goodput, limitKind: 'token-bucket' },
  outage: {
    seed: 7,
    requestsPerSecond: 20,
    durationMs: 8_000,
    deadlineMs: 3_000,
    outageStartMs: 2_000,
    outageEndMs: 5_000,
    timeScale: TIME_SCALE,
  },
  slowFirstToken: {
    seed: 7,
    requestsPerSecond: 20,
    durationMs: 10_000,
    deadlineMs: 10_000,
    firstContentTimeoutMs: 600,
  },
  overhead: { rounds: 20, callsPerRound: 10_000 },
  pipelineOverhead: { rounds: 200, callsPerRound: 20 },
  cacheSavings: { ...goodput, distinctPrompts: 300, exponent: 1 },
  cacheHit: { rounds: 30 },
  batchSavings: { items: 200, batchSize: 20 },
  burst: {
    seed: 7,
    calls: 5_000,
    requestsPerSecond: 500,
    serverTimeMs: 20,
    maxConcurrent: 64,
    deadlineMs: 30_000,
  },
  fleet: {
    seed: 7,
    requestsPerSecond: 20,
    serverTimeMs: 20,
    workers: 4,
    overload: 3,
    durationMs: 5_000,
    deadlineMs: 30_000,
  },
  scale: { sizes: [1_000, 10_000, 100_000], requestsPerWindow: 1_000, windowMs: 1_000 },
};

/** The smoke run for CI: every arm and scenario, a few seconds each, no figures to judge. */
export const smokeSettings: BenchSettings = {
  goodput: { ...fullSettings.goodput, durationMs: 1_000, deadlineMs: 1_000 },
  goodputContinuous: { ...fullSettings.goodputContinuous, durationMs: 1_000, deadlineMs: 1_000 },
  outage: {
    ...fullSettings.outage,
    durationMs: 2_000,
    deadlineMs: 1_500,
    outageStartMs: 500,
    outageEndMs: 1_200,
  },
  slowFirstToken: { ...fullSettings.slowFirstToken, durationMs: 1_000, deadlineMs: 5_000 },
  overhead: { rounds: 2, callsPerRound: 1_000 },
  pipelineOverhead: { rounds: 10, callsPerRound: 10 },
  cacheSavings: { ...fullSettings.cacheSavings, durationMs: 1_000, deadlineMs: 1_000 },
  cacheHit: { rounds: 3 },
  batchSavings: { items: 40, batchSize: 20 },
  // The same code on a smaller burst: 1,000 calls drain in about 4 s at 200/s.
  burst: { ...fullSettings.burst, calls: 1_000, requestsPerSecond: 200, deadlineMs: 15_000 },
  fleet: { ...fullSettings.fleet, durationMs: 2_000, deadlineMs: 10_000 },
  scale: { ...fullSettings.scale, sizes: [1_000, 10_000] },
};
