import { RateLimiter, type RateLimiterOptions, SharedRateLimiter } from '@resilient-llm/policies';
import type { PerTargetModel } from './per-target';
import { reportSharedState } from './shared-state-events';

/** A target's rate limiter: its own, or one shared with other processes (the model's `sharedState`). */
export type TargetRateLimiter = RateLimiter | SharedRateLimiter;

/**
 * The rate limiter of `targetId`: a `SharedRateLimiter` keyed `rate-limit:<target id>` when the
 * model shares state (reporting its faults as the model's events), a `RateLimiter` otherwise.
 */
export function createTargetRateLimiter(
  options: RateLimiterOptions,
  targetId: string,
  model: PerTargetModel | undefined,
): TargetRateLimiter {
  const state = model?.sharedState;
  if (!model || !state) return new RateLimiter(options);
  const limiter = new SharedRateLimiter({
    ...options,
    shared: { state, key: `rate-limit:${targetId}` },
  });
  reportSharedState(limiter, 'rate-limit', targetId, model);
  return limiter;
}
