import type { GoodputSettings } from '../goodput/run-goodput.ts';
import { startLimitedProvider } from '../goodput/simulators.ts';
import { percentile } from '../metrics/percentile.ts';
import { type LoadShape, offerLoad } from '../workload/offer-load.ts';
import { type CacheArm, withMemoryCache, withoutCache } from './arms.ts';
import { type ZipfPromptShape, zipfPrompts } from './zipf-prompts.ts';

/**
 * Sizes of the cache savings scenario: the goodput scenario's provider and load, with prompts
 * that repeat.
 */
export interface CacheSavingsSettings extends GoodputSettings, ZipfPromptShape {}

/** The measured figures of one arm. */
export interface CacheSavingsResult {
  arm: string;
  description: string;
  offered: number;
  /** Distinct prompts among those offered (the same for every arm). */
  distinctOffered: number;
  completed: number;
  failed: number;
  /** Requests the provider received, 429s included. */
  providerRequests: number;
  /** 429s the provider sent. */
  rateLimited: number;
  /** Successes answered from a stored entry. */
  fromCache: number;
  /** Successes that joined an identical call in flight (single-flight) instead of sending one. */
  joinedInFlight: number;
  /** Tokens of the requests the provider answered. */
  promptTokens: number;
  completionTokens: number;
  /** Of successes, from offering to answer. */
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Failures by error class. */
  errors: Record<string, number>;
}

const arms: CacheArm[] = [withoutCache, withMemoryCache];

async function runArm(
  arm: CacheArm,
  shape: LoadShape,
  prompts: string[],
  settings: CacheSavingsSettings,
): Promise<CacheSavingsResult> {
  const { requestsPerWindow, windowMs, timeScale, deadlineMs } = settings;
  const provider = await startLimitedProvider(settings);
  try {
    const ask = arm.create({
      baseURL: provider.baseURL,
      requestsPerWindow,
      windowMs,
      timeScale,
      deadlineMs,
    });
    const outcomes = await offerLoad(shape, async (index, signal) => ({
      targetId: await ask(prompts[index]!, signal),
    }));
    const stats = provider.stats();
    const successes = outcomes.filter((outcome) => outcome.ok);
    const latencies = successes.map((outcome) => outcome.settledAtMs - outcome.offeredAtMs);
    const errors: Record<string, number> = {};
    for (const { errorName } of outcomes) {
      if (errorName) errors[errorName] = (errors[errorName] ?? 0) + 1;
    }
    return {
      arm: arm.name,
      description: arm.description,
      offered: outcomes.length,
      distinctOffered: new Set(prompts.slice(0, outcomes.length)).size,
      completed: successes.length,
      failed: outcomes.length - successes.length,
      providerRequests: stats.requests,
      rateLimited: stats.rateLimited,
      fromCache: successes.filter((outcome) => outcome.targetId === 'cache').length,
      joinedInFlight: successes.filter((outcome) => outcome.targetId === 'joined').length,
      promptTokens: stats.promptTokens,
      completionTokens: stats.completionTokens,
      latencyP50Ms: percentile(latencies, 50),
      latencyP99Ms: percentile(latencies, 99),
      errors,
    };
  } finally {
    await provider.close();
  }
}

/**
 * Offers the same seeded workload of repeating prompts, open loop above the provider's limit,
 * to the resilient client without and with a response cache, each against a fresh simulator;
 * one result per arm.
 */
export async function runCacheSavings(
  settings: CacheSavingsSettings,
): Promise<CacheSavingsResult[]> {
  const { overload, requestsPerWindow, windowMs, durationMs, deadlineMs } = settings;
  const shape: LoadShape = {
    requestsPerSecond: (overload * requestsPerWindow * 1000) / windowMs,
    durationMs,
    deadlineMs,
  };
  // As many prompts as offerLoad offers requests.
  const prompts = zipfPrompts(settings, Math.round((shape.requestsPerSecond * durationMs) / 1000));
  const results: CacheSavingsResult[] = [];
  for (const arm of arms) results.push(await runArm(arm, shape, prompts, settings));
  return results;
}
