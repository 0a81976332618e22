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
