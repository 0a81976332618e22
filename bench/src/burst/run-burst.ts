import { type OutcomeSummary, summarizeOutcomes } from '../metrics/summarize-outcomes.ts';
import { startSimulatorProcess } from '../simulator-process/start-simulator-process.ts';
import { boundedSend } from '../workload/bounded-send.ts';
import { fireBurst } from '../workload/fire-burst.ts';
import type { BurstArm } from './burst-arms.ts';
import type { BurstSettings } from './burst-settings.ts';

/** The measured figures of one arm of the burst. */
export interface BurstResult extends OutcomeSummary {
  arm: string;
  description: string;
  /**
   * Successes over the most the bucket admits from the burst to the last success (a full
   * bucket plus its refill): 1 when the arm drained the burst as fast as the provider allows.
   */
  capacityShare: number;
  /** When the last success arrived, from the burst. */
  drainedAfterMs: number;
  rateLimitedPerSuccess: number;
  requestsSent: number;
}

/** Past its deadline, how long a call may take to settle before it counts as lost. */
const GRACE_MS = 1_000;

/** An OpenAI-style provider with a token bucket of `requestsPerSecond` requests. */
function burstProvider({ seed, requestsPerSecond, serverTimeMs }: BurstSettings) {
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

/** Fires the burst of one arm against a fresh simulator in its own process. */
export async function runBurstArm(arm: BurstArm, settings: BurstSettings): Promise<BurstResult> {
  const simulator = await startSimulatorProcess(burstProvider(settings));
  try {
    const send = boundedSend(
      arm.create(simulator.baseURL, settings),
      settings.deadlineMs + GRACE_MS,
    );
    const outcomes = await fireBurst(settings.calls, settings.deadlineMs, send);
    const stats = await simulator.stats();
    const summary = summarizeOutcomes(outcomes);
    const drainedAfterMs = Math.max(
      0,
      ...outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.settledAtMs),
    );
    const admissible =
      settings.requestsPerSecond + (settings.requestsPerSecond * drainedAfterMs) / 1000;
    return {
      arm: arm.name,
      description: arm.description,
      ...summary,
      capacityShare: summary.completed / admissible,
      drainedAfterMs,
      rateLimitedPerSuccess: stats.rateLimited / Math.max(1, summary.completed),
      requestsSent: stats.requests,
    };
  } finally {
    await simulator.close();
  }
}
