import { percentile } from '../metrics/percentile.ts';
import { type LoadShape, offerLoad } from '../workload/offer-load.ts';
import type { Arm } from './arm.ts';
import { type ProviderShape, startHealthyProvider, startLimitedProvider } from './simulators.ts';

/** Sizes of the goodput scenario. */
export interface GoodputSettings extends ProviderShape {
  /** Provider seconds per simulator second's worth of window (60 s stood for by 1 s: 1/60). */
  timeScale: number;
  /** Offered load as a multiple of the capacity. */
  overload: number;
  durationMs: number;
  deadlineMs: number;
}

/** The measured figures of one arm. */
export interface GoodputResult {
  arm: string;
  description: string;
  offered: number;
  completed: number;
  failed: number;
  /** Requests still unsettled when their deadline plus a grace had passed. */
  lost: number;
  /** Successes (as the caller saw them) served by the limited provider, over the most it could serve. */
  capacityShare: number;
  theoreticalCapacity: number;
  rateLimitedPerSuccess: number;
  requestsSent: number;
  servedBySecondary: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: Record<string, number>;
}

const GRACE_MS = 250;

/**
 * The most the provider would ever answer to anyone between the first request and the last
 * deadline: the limit per fixed window times the windows, or a full token bucket plus what it
 * refills in that time.
 */
function capacityUntilLastDeadline(settings: GoodputSettings): number {
  const { requestsPerWindow, windowMs, durationMs, deadlineMs, limitKind } = settings;
  const spanMs = durationMs + deadlineMs;
  return limitKind === 'token-bucket'
    ? requestsPerWindow + Math.floor((requestsPerWindow * spanMs) / windowMs)
    : requestsPerWindow * Math.ceil(spanMs / windowMs);
}

/**
 * Runs one arm against a fresh simulator (same seed for every arm) and measures it against
 * the theoretical capacity ({@link capacityUntilLastDeadline}).
 */
export async function runGoodputArm(
  arm: Arm,
  settings: GoodputSettings,
  onProgress?: (settled: number) => void,
): Promise<GoodputResult> {
  const { requestsPerWindow, windowMs, timeScale, deadlineMs } = settings;
  const primary = await startLimitedProvider(settings);
  const secondary = await startHealthyProvider(settings.seed);
  try {
    const shape: LoadShape = {
      requestsPerSecond: (settings.overload * requestsPerWindow * 1000) / windowMs,
      durationMs: settings.durationMs,
      deadlineMs,
    };
    const send = arm.create({
      primaryURL: primary.baseURL,
      secondaryURL: secondary.baseURL,
      requestsPerWindow,
      windowMs,
      timeScale,
      deadlineMs,
    });
    let settled = 0;
    const outcomes = await offerLoad(shape, send, () => onProgress?.(++settled));
    const primaryStats = primary.stats();
    const secondaryStats = secondary.stats();
    const successes = outcomes.filter((outcome) => outcome.ok);
    const latencies = successes.map((outcome) => outcome.settledAtMs - outcome.offeredAtMs);
    const theoreticalCapacity = capacityUntilLastDeadline(settings);
    const errors: Record<string, number> = {};
    for (const outcome of outcomes) {
      if (outcome.errorName) errors[outcome.errorName] = (errors[outcome.errorName] ?? 0) + 1;
    }
    return {
      arm: arm.name,
      description: arm.description,
      offered: outcomes.length,
      completed: successes.length,
      failed: outcomes.length - successes.length,
      lost: outcomes.filter(
        (outcome) => outcome.settledAtMs - outcome.offeredAtMs > deadlineMs + GRACE_MS,
      ).length,
      capacityShare:
        successes.filter((outcome) => outcome.targetId !== 'secondary').length /
        theoreticalCapacity,
      theoreticalCapacity,
      rateLimitedPerSuccess:
        (primaryStats.rateLimited + secondaryStats.rateLimited) / Math.max(1, successes.length),
      requestsSent: primaryStats.requests + secondaryStats.requests,
      servedBySecondary: successes.filter((outcome) => outcome.targetId === 'secondary').length,
      latencyP50Ms: percentile(latencies, 50),
      latencyP99Ms: percentile(latencies, 99),
      errors,
    };
  } finally {
    await Promise.all([primary.close(), secondary.close()]);
  }
}
