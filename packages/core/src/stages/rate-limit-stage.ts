import {
  type Clock,
  RateLimiter,
  type RateLimiterOptions,
  type RateLimitPermit,
} from '@resilient-llm/policies';
import type { Usage } from '../binding/observation';
import type { Failure } from '../failure/failure';
import { suggestedWaitMs } from '../headers/suggested-wait';
import type { AttemptOutcome } from '../pipeline/outcome';
import type { Stage } from '../pipeline/stage';
import { countableTokens } from './countable-tokens';
import { type PerTargetOptions, perTarget } from './per-target';

/** Options of the rate-limit stage: `RateLimiterOptions` (one limiter per target) plus per-target overrides. */
export type RateLimitStageOptions = PerTargetOptions<Omit<RateLimiterOptions, 'clock'>>;

/** The pipeline's default: no local limits until response headers report them; wait at most 30 s. */
export const defaultRateLimitStageOptions = {
  maxWaitMs: 30_000,
} as const satisfies RateLimitStageOptions;

/**
 * One adaptive rate limiter per target. Each attempt first takes a permit for one request and
 * the request's estimated tokens (`binding.estimateTokens`), settled on the tokens the
 * response reports (cached input tokens do not count). Rate-limit headers of every response
 * correct the local buckets; a 429 teaches the limiter that the target counts fixed windows
 * (unless `windowKind` says otherwise) and pauses the whole target, every waiter included, for as
 * long as the server asked. A wait longer than `maxWaitMs` or the call's remaining deadline
 * is refused at once with `RateLimitWaitTooLongError`, and the call moves on to the next target.
 */
export function createRateLimitStage<TTarget, TRequest, TResponse, TPart>(
  options: RateLimitStageOptions,
  {
    clock,
    targetIds,
    estimateTokens,
  }: {
    clock?: Clock;
    targetIds: readonly string[];
    estimateTokens?: (request: TRequest) => number;
  },
): Stage<TTarget, TRequest, TResponse, TPart> & {
  readonly limiters: ReadonlyMap<string, RateLimiter>;
} {
  const settings = perTarget(
    'rateLimit',
    { ...defaultRateLimitStageOptions, ...options },
    targetIds,
    (targetOptions, targetId) => ({
      limiter: new RateLimiter({ key: `rate-limiter:${targetId}`, ...targetOptions, clock }),
      maxWaitMs: targetOptions.maxWaitMs ?? defaultRateLimitStageOptions.maxWaitMs,
    }),
  );
  const limiters = new Map([...settings].map(([id, { limiter }]) => [id, limiter]));
  return {
    name: 'rate-limit',
    limiters,
    async wrapTarget({ request, context, next }) {
      const { limiter, maxWaitMs } = settings.get(context.targetId)!;
      const tokens = estimateTokens?.(request) ?? 0;
      const permit = await limiter.acquire({
        tokens,
        signal: context.signal,
        maxWaitMs: Math.min(maxWaitMs, context.deadline.remainingMs()),
      });
      try {
        return settleOnUsage(await next(request), permit);
      } catch (error) {
        backOff(limiter, permit, context.classify(error));
        throw error;
      }
    },
    observe(observation, context) {
      if (observation.rateLimit) limiters.get(context.targetId)!.observe(observation.rateLimit);
    },
  };
}

/**
 * Settles the permit on the tokens the response used. When the provider reported its own
 * remaining tokens, its count (which reserves the request's maximum output) already corrected
 * the bucket, so nothing is refunded: a refund would let a burst through that it refuses.
 */
function settleOnUsage<TResponse, TPart>(
  outcome: AttemptOutcome<TResponse, TPart>,
  permit: RateLimitPermit,
) {
  const providerCounted = outcome.observation?.rateLimit?.tokens?.remaining !== undefined;
  const settle = (usage: Usage | undefined) =>
    permit.settle(providerCounted ? permit.tokens : (countableTokens(usage) ?? permit.tokens));
  if (outcome.mode === 'generate') settle(outcome.observation?.usage);
  else void outcome.stream.settled.then(() => settle(outcome.stream.usage));
  return outcome;
}

function backOff(limiter: RateLimiter, permit: RateLimitPermit, failure: Failure): void {
  if (failure.kind !== 'rate-limited' && failure.kind !== 'aborted') {
    // The request reached the provider and counts; the tokens were not spent.
    permit.settle(0);
    return;
  }
  // What the server said comes first: a request given back to a limiter that does not yet
  // know the window is full would go straight out into another 429.
  if (failure.kind === 'rate-limited') {
    limiter.reportRateLimited({
      retryAfterMs: failure.retryAfterMs ?? suggestedWaitMs(failure.rateLimit),
      observation: failure.rateLimit,
    });
  } else if (failure.rateLimit) limiter.observe(failure.rateLimit);
  permit.release();
}
