import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type OutcomeSummary, summarizeOutcomes } from '../metrics/summarize-outcomes.ts';
import { startSimulatorProcess } from '../simulator-process/start-simulator-process.ts';
import type { Outcome } from '../workload/offer-load.ts';
import type { FleetArm } from './fleet-arms.ts';
import type { WorkerOrder, WorkerReport } from './fleet-messages.ts';
import type { FleetSettings } from './fleet-settings.ts';
import { findRedisServer, type RedisProcess, startRedisProcess } from './redis-process.ts';

/** The measured figures of one arm of the fleet. */
export interface FleetResult extends OutcomeSummary {
  arm: string;
  description: string;
  /** Successes over the most the key admits: the offered calls, or a full bucket plus its refill until the last deadline when fewer. */
  capacityShare: number;
  theoreticalCapacity: number;
  rateLimitedPerSuccess: number;
  requestsSent: number;
  /** Commands Redis processed per offered call (shared arm only). */
  redisCommandsPerCall?: number;
  /** Script calls that ran (`EVALSHA`), each one round trip, per call that succeeded. */
  redisRoundTripsPerSuccess?: number;
}

const workerScript = fileURLToPath(new URL('./fleet-worker.ts', import.meta.url));
/** Time the workers get to start (and connect) before the fleet's first request. */
const START_DELAY_MS = 1_500;
const GRACE_MS = 1_000;

/** The provider: one key's token bucket, OpenAI-style headers. */
function fleetProvider({ seed, requestsPerSecond, serverTimeMs }: FleetSettings) {
  return {
    seed,
    models: {
      'gpt-sim': {
        rateLimit: {
          kind: 'token-bucket' as const,
          requestsPerWindow: requestsPerSecond,
          tokensPerWindow: 1_000_000_000,
          windowMs: 1000,
        },
        latency: { firstTokenMedianMs: serverTimeMs },
      },
    },
  };
}

function theoreticalCapacity(settings: FleetSettings, offered: number): number {
  const { requestsPerSecond, durationMs, deadlineMs } = settings;
  const admissible =
    requestsPerSecond + Math.floor((requestsPerSecond * (durationMs + deadlineMs)) / 1000);
  return Math.min(offered, admissible);
}

function runWorker(order: WorkerOrder): Promise<Outcome[]> {
  const child = fork(workerScript, [JSON.stringify(order)], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    let report: WorkerReport | undefined;
    child.once('message', (message: WorkerReport) => {
      report = message;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      report
        ? resolve(report.outcomes)
        : reject(new Error(`a fleet worker exited (${code}) without a report`)),
    );
  });
}

/** Runs the fleet of one arm: a fresh simulator in its own process, `settings.workers` worker processes. */
async function runFleet(arm: FleetArm, settings: FleetSettings, redis: RedisProcess | undefined) {
  const simulator = await startSimulatorProcess(fleetProvider(settings));
  try {
    const commandsBefore = await redis?.commandsProcessed();
    const fleetRate = settings.overload * settings.requestsPerSecond;
    const perWorkerRate = fleetRate / settings.workers;
    const startAtEpochMs = Date.now() + START_DELAY_MS;
    const prefix = `bench-fleet-${startAtEpochMs}:`;
    const reports = await Promise.all(
      Array.from({ length: settings.workers }, (_, worker) =>
        runWorker({
          kind: arm.kind,
          baseURL: simulator.baseURL,
          redisURL: redis?.url,
          prefix,
          // Spread the workers' arrivals so that the fleet's load is even, not in bursts of one per worker.
          startAtEpochMs: startAtEpochMs + (worker * 1000) / fleetRate,
          requestsPerSecond: perWorkerRate,
          durationMs: settings.durationMs,
          deadlineMs: settings.deadlineMs,
          graceMs: GRACE_MS,
        }),
      ),
    );
    const commandsAfter = await redis?.commandsProcessed();
    const stats = await simulator.stats();
    const summary = summarizeOutcomes(reports.flat());
    const capacity = theoreticalCapacity(settings, summary.offered);
    return {
      arm: arm.name,
      description: arm.description,
      ...summary,
      capacityShare: summary.completed / capacity,
      theoreticalCapacity: capacity,
      rateLimitedPerSuccess: stats.rateLimited / Math.max(1, summary.completed),
      requestsSent: stats.requests,
      // The INFO calls that read `commandsAfter` count themselves: two less.
      ...(commandsBefore !== undefined && commandsAfter !== undefined
        ? {
            redisCommandsPerCall:
              (commandsAfter.total - commandsBefore.total - 2) / summary.offered,
            redisRoundTripsPerSuccess:
              (commandsAfter.scriptCalls - commandsBefore.scriptCalls) /
              Math.max(1, summary.completed),
          }
        : {}),
    };
  } finally {
    await simulator.close();
  }
}

/**
 * Runs one arm of the fleet scenario; the shared arm on a redis-server of its own, started on
 * a free loopback port and stopped by PID. Resolves with undefined (after `log` says why) for
 * the shared arm when redis-server is not installed.
 */
export async function runFleetArm(
  arm: FleetArm,
  settings: FleetSettings,
  log: (line: string) => void,
): Promise<FleetResult | undefined> {
  if (arm.kind !== 'shared') return runFleet(arm, settings, undefined);
  const binary = findRedisServer();
  if (!binary) {
    log(
      `fleet    ${arm.name}: skipped, redis-server is not installed (scripts/install-services.sh)`,
    );
    return undefined;
  }
  const redis = await startRedisProcess(binary);
  try {
    return await runFleet(arm, settings, redis);
  } finally {
    await redis.stop();
  }
}
