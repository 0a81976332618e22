import { RateLimiter, type RateLimiterOptions, SharedRateLimiter } from '@resilient-llm/policies';
import type { SharedStateTuning } from '@resilient-llm/policies/internal';
import type { PerTargetModel } from './per-target';
import { reportSharedState } from './shared-state-events';

/** A target's rate limiter: its own, or one shared with other processes (the model's `sharedState`). */
export type TargetRateLimiter = RateLimiter | SharedRateLimiter;

/**
 * The rate limiter of `targetId`: a `SharedRateLimiter` keyed `rate-limit:<target id>` when the
 * model shares state (reporting its faults as the model's events, and coping with a slow state
 * as `tuning` says), a `RateLimiter` otherwise.
 */
export function createTargetRateLimiter(
  options: RateLimiterOptions,
  targetId: string,
  model: PerTargetModel | undefined,
  tuning: SharedStateTuning = {},
): TargetRateLimiter {
  const state = model?.sharedState;
  if (!model || !state) return new RateLimiter(options);
  const limiter = new SharedRateLimiter({
    ...options,
    shared: { ...tuning, state, key: `rate-limit:${targetId}` },
  });
  reportSharedState(limiter, 'rate-limit', targetId, model);
  return limiter;
}
