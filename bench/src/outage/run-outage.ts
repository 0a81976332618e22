import { createResilientOpenAI, getProvenance } from '@resilient-llm/openai';
import { startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { MODEL, promptOf } from '../goodput/arm.ts';
import { percentile } from '../metrics/percentile.ts';
import { offerLoad, type SendRequest } from '../workload/offer-load.ts';

/** Sizes of the outage scenario; times are from the start of the run. */
export interface OutageSettings {
  seed: number;
  requestsPerSecond: number;
  durationMs: number;
  deadlineMs: number;
  outageStartMs: number;
  outageEndMs: number;
  timeScale: number;
}

/** The measured figures of one arm. */
export interface OutageResult {
  arm: string;
  offered: number;
  successRate: number;
  latencyP99Ms: number;
  /** From the start of the outage to the first success of the second provider. */
  movedAfterMs: number | undefined;
  /** From the end of the outage to the first success of the primary again. */
  backAfterMs: number | undefined;
  requestsSent: number;
}

const latency = { firstTokenMedianMs: 40, firstTokenP99Ms: 120 };

type ArmFactory = (primaryURL: string, secondaryURL: string) => SendRequest;

const plainSdk: ArmFactory = (primaryURL) => {
  const client = new OpenAI({ baseURL: primaryURL, apiKey: 'sk-bench' });
  return async (index, signal) => {
    await client.chat.completions.create(
      { model: MODEL, messages: [{ role: 'user', content: promptOf(index) }] },
      { signal },
    );
    return { targetId: 'primary' };
  };
};

const resilient =
  (settings: OutageSettings): ArmFactory =>
  (primaryURL, secondaryURL) => {
    const openai = createResilientOpenAI({
      targets: [
        { id: 'primary', client: new OpenAI({ baseURL: primaryURL, apiKey: 'sk-bench' }) },
        { id: 'secondary', client: new OpenAI({ baseURL: secondaryURL, apiKey: 'sk-bench' }) },
      ],
      timeoutMs: settings.deadlineMs,
      retry: { initialDelayMs: 1000 * settings.timeScale },
      // The default 30 s before a probe, on the simulator's time scale.
      circuitBreaker: { halfOpenAfterMs: 30_000 * settings.timeScale },
    });
    return async (index, signal) => {
      const completion = await openai.chat.completions.create(
        { model: MODEL, messages: [{ role: 'user', content: promptOf(index) }] },
        { signal },
      );
      return { targetId: getProvenance(completion)?.targetId };
    };
  };

async function runArm(name: string, factory: ArmFactory, settings: OutageSettings) {
  const { seed, outageStartMs, outageEndMs } = settings;
  const window = { startMs: outageStartMs, endMs: outageEndMs };
  const primary = await startSimulator({
    seed,
    models: {
      [MODEL]: {
        latency,
        faults: [
          { type: 'connection-reset', probability: 0.2, windows: [window] },
          { type: 'server-error', status: 503, windows: [window] },
        ],
      },
    },
  });
  const secondary = await startSimulator({ seed, models: { [MODEL]: { latency } } });
  try {
    const outcomes = await offerLoad(
      {
        requestsPerSecond: settings.requestsPerSecond,
        durationMs: settings.durationMs,
        deadlineMs: settings.deadlineMs,
      },
      factory(primary.baseURL, secondary.baseURL),
    );
    const successes = outcomes.filter((outcome) => outcome.ok);
    const firstSettled = (target: string, afterMs: number) => {
      const times = successes
        .filter((outcome) => outcome.targetId === target && outcome.settledAtMs >= afterMs)
        .map((outcome) => outcome.settledAtMs);
      return times.length > 0 ? Math.min(...times) - afterMs : undefined;
    };
    return {
      arm: name,
      offered: outcomes.length,
      successRate: successes.length / outcomes.length,
      latencyP99Ms: percentile(
        successes.map((outcome) => outcome.settledAtMs - outcome.offeredAtMs),
        99,
      ),
      movedAfterMs: firstSettled('secondary', outageStartMs),
      backAfterMs: firstSettled('primary', outageEndMs),
      requestsSent: primary.stats().requests + secondary.stats().requests,
    } satisfies OutageResult;
  } finally {
    await Promise.all([primary.close(), secondary.close()]);
  }
}

/**
 * The primary answers 503 (and resets 20% of connections) for a window, then recovers; a
 * second provider stays healthy. The simulator's fault window counts from its start, which is
 * within a few milliseconds of the load's start.
 */
export async function runOutage(settings: OutageSettings): Promise<OutageResult[]> {
  return [
    await runArm('OpenAI SDK (default retries)', plainSdk, settings),
    await runArm('resilient-llm + fallback', resilient(settings), settings),
  ];
}
