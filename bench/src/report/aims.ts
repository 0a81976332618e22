import { burstConfigured, burstLearning } from '../burst/burst-arms.ts';
import type { BurstResult } from '../burst/run-burst.ts';
import type { FleetResult } from '../fleet/run-fleet.ts';
import {
  resilientPublishedLimit,
  resilientWithFallback,
} from '../goodput/arms/resilient-openai.ts';
import type { GoodputResult } from '../goodput/run-goodput.ts';

/** One aim of the goodput scenario, and whether this run met it. */
export interface AimCheck {
  aim: string;
  measured: string;
  met: boolean;
}

/**
 * Checks the run against the aims: 95% of capacity, 0.05 429s per success, nothing lost, for
 * ours configured as a user would from the provider's documentation (the limit as published,
 * every other option at its default); every request answered with a healthy second provider.
 */
export function checkAims(goodput: GoodputResult[]): AimCheck[] {
  const ours = goodput.find((result) => result.arm === resilientPublishedLimit.name);
  const withFallback = goodput.find((result) => result.arm === resilientWithFallback.name);
  if (!ours || !withFallback) return [];
  return [
    {
      aim: 'limit as published, no fallback: at least 95% of the theoretical capacity used',
      measured: `${(ours.capacityShare * 100).toFixed(1)}%`,
      met: ours.capacityShare >= 0.95,
    },
    {
      aim: 'limit as published, no fallback: at most 0.05 429s per success',
      measured: ours.rateLimitedPerSuccess.toFixed(3),
      met: ours.rateLimitedPerSuccess <= 0.05,
    },
    {
      aim: 'limit as published, no fallback: nothing lost (every request settled by its deadline)',
      measured: `${ours.lost} lost, ${ours.failed} typed failures`,
      met: ours.lost === 0,
    },
    {
      aim: 'with a healthy second provider: every request succeeds',
      measured: `${withFallback.completed} / ${withFallback.offered}`,
      met: withFallback.completed === withFallback.offered,
    },
  ];
}

/** The most 429s per success the burst and fleet aims allow. */
const MAX_RATE_LIMITED_PER_SUCCESS = 0.02;

/**
 * Checks the burst against its aims, for ours configured and ours learning from headers: at
 * most 0.02 429s per success, and every call succeeds within its deadline.
 */
export function checkBurstAims(burst: BurstResult[]): AimCheck[] {
  return [burstConfigured, burstLearning].flatMap((arm) => {
    const result = burst.find((candidate) => candidate.arm === arm.name);
    if (!result) return [];
    return [
      {
        aim: `${arm.name}: at most ${MAX_RATE_LIMITED_PER_SUCCESS} 429s per success`,
        measured: result.rateLimitedPerSuccess.toFixed(3),
        met: result.rateLimitedPerSuccess <= MAX_RATE_LIMITED_PER_SUCCESS,
      },
      {
        aim: `${arm.name}: every call succeeds within its deadline`,
        measured: `${result.completed} / ${result.offered} (${result.failed} failed, ${result.lost} lost)`,
        met: result.completed === result.offered,
      },
    ];
  });
}

/**
 * Checks the fleet against its aims, for ours with shared state: at least 95% of the
 * theoretical capacity, at most 0.02 429s per success, at most one Redis round trip per permit,
 * nothing lost.
 */
export function checkFleetAims(fleet: FleetResult[]): AimCheck[] {
  const shared = fleet.find((result) => result.redisCommandsPerCall !== undefined);
  if (!shared) return [];
  return [
    {
      aim: `${shared.arm}: at least 95% of the theoretical capacity used`,
      measured: `${(shared.capacityShare * 100).toFixed(1)}%`,
      met: shared.capacityShare >= 0.95,
    },
    {
      aim: `${shared.arm}: at most ${MAX_RATE_LIMITED_PER_SUCCESS} 429s per success`,
      measured: shared.rateLimitedPerSuccess.toFixed(3),
      met: shared.rateLimitedPerSuccess <= MAX_RATE_LIMITED_PER_SUCCESS,
    },
    {
      aim: `${shared.arm}: at most 1 Redis round trip per permit`,
      measured: `${(shared.redisRoundTripsPerSuccess ?? Number.NaN).toFixed(2)} per success`,
      met: (shared.redisRoundTripsPerSuccess ?? Number.POSITIVE_INFINITY) <= 1,
    },
    {
      aim: `${shared.arm}: nothing lost`,
      measured: `${shared.lost} lost`,
      met: shared.lost === 0,
    },
  ];
}
