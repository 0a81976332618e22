import {
  defaultRateLimiterOptions,
  type RateLimiterStore,
  type RateLimitPermit,
  RateLimitWaitTooLongError,
  type WindowKind,
} from '@resilient-llm/policies';
import { rateLimiterOptionKeys } from '@resilient-llm/policies/internal';
import { assertNumber, assertOptions, withoutKeys } from '@resilient-llm/policies/validation';
import type { TargetContext } from '../contract/context';
import type { Failure } from '../contract/failure';
import type { Usage } from '../contract/observation';
import type { AttemptOutcome } from '../contract/outcome';
import type { Stage, StageSetup } from '../contract/stage';
import { suggestedWaitMs } from '../headers/suggested-wait';
import { countableTokens } from './countable-tokens';
import type { FitsAnyModel } from './fits-any-model';
import { createModelState } from './model-state';
import { type PerTargetOptions, perTarget, perTargetKeys } from './per-target';
import { createRateLimitAdmissionStage } from './rate-limit-admission-stage';
import { ResponseTimes } from './response-times';
import { checkedSharedStateTuning, type SharedStateTuning } from './shared-state-tuning';
import { createTargetRateLimiter, type TargetRateLimiter } from './target-rate-limiter';

/**
 * Options of one target's rate limiter in the pipeline: those of `RateLimiter` but the clock
 * (the model's), with the pipeline's defaults.
 */
export interface RateLimitTargetOptions {
  /**
   * Requests allowed per window (bucket capacity). Defaults to `Infinity`
   * (`defaultRateLimitStageOptions.requestsPerWindow`): no limit until the server reports one.
   */
  requestsPerWindow?: number;
  /**
   * Tokens allowed per window (bucket capacity). Defaults to `Infinity`
   * (`defaultRateLimitStageOptions.tokensPerWindow`): no limit until the server reports one.
   */
  tokensPerWindow?: number;
  /**
   * The window both limits refer to, in milliseconds. Defaults to 60000
   * (`defaultRateLimitStageOptions.windowMs`): per minute, as providers count.
   */
  windowMs?: number;
  /**
   * Longest wait for a permit; a longer expected wait is refused at once with
   * `RateLimitWaitTooLongError` and the call moves on to the next target. Defaults to 30000
   * (`defaultRateLimitStageOptions.maxWaitMs`).
   */
  maxWaitMs?: number;
  /**
   * How the server refills its windows between two rate-limit reports (see `RateLimiter`'s
   * `windowKind`): `'continuous'`, `'fixed'`, or `'auto'`, continuous until a 429 shows
   * otherwise. Defaults to `'auto'` (`defaultRateLimitStageOptions.windowKind`).
   */
  windowKind?: 'auto' | WindowKind;
  /** Keeps the limiter's state beyond this process. Defaults to none. */
  store?: RateLimiterStore;
  /** Key of this target's limiter in `store`. Defaults to `'rate-limiter:<target id>'`. */
  key?: string;
  /**
   * Time kept back from the call's remaining deadline for the answer. A permit that would come
   * later than the deadline less this is refused at once (`RateLimitWaitTooLongError`, and the
   * call moves on to the next target) rather than spent, together with a request the provider
   * counts, on an answer that cannot arrive in time. `'observed'`: the 90th percentile of the
   * target's last 32 response times (from the permit to the response, or to a stream's first
   * content), 0 until the first. Defaults to `'observed'`
   * (`defaultRateLimitStageOptions.responseTimeReserveMs`).
   */
  responseTimeReserveMs?: number | 'observed';
  /**
   * With the model's `sharedState`, how this limiter copes with a slow or failing fleet state:
   * `timeoutMs`, the longest wait for one operation before the limiter goes on from local
   * state (defaults to 100, `defaultSharedStateOptions.timeoutMs`; raise it where the event
   * loop is busy or the state far away), and `rejoinAfterMs`, how long it then runs on local
   * state before trying the fleet again (defaults to 5000,
   * `defaultSharedStateOptions.rejoinAfterMs`). Checked even without `sharedState`, which
   * leaves it unused. Defaults to `{}`.
   */
  shared?: SharedStateTuning;
}

const rateLimitTargetKeys = [
  ...withoutKeys(rateLimiterOptionKeys, ['clock']),
  'responseTimeReserveMs',
  'shared',
] as const satisfies readonly (keyof RateLimitTargetOptions)[];

/** Options of the rate-limit stage: {@link RateLimitTargetOptions} (one limiter per target) plus per-target overrides. */
export type RateLimitStageOptions = PerTargetOptions<RateLimitTargetOptions>;

/** Every option of {@link RateLimitStageOptions}: any other key is refused. */
const rateLimitStageOptionKeys = perTargetKeys(rateLimitTargetKeys);

/** The rate-limit stage: one limiter per target, taking a permit for every attempt it wraps. */
export interface RateLimitStage<TTarget, TRequest, TResponse, TPart>
  extends Stage<TTarget, TRequest, TResponse, TPart> {
  /** Each target's limiter, by target id, once the stage is set up. */
  readonly limiters: ReadonlyMap<string, TargetRateLimiter>;
  /**
   * The refusal an attempt of `request` would get now (its wait exceeds `maxWaitMs` or the
   * deadline less the answer's time), or `undefined` when it would wait in line. Takes nothing.
   */
  refusalFor(
    request: TRequest,
    context: TargetContext<TTarget>,
  ): RateLimitWaitTooLongError | undefined;
  /**
   * A stage to list before a bulkhead, as the model does: it refuses at once an attempt this
   * stage would refuse ({@link refusalFor}), so the call falls over without waiting for a
   * bulkhead slot. It takes no permit; this stage, listed after the bulkhead, takes it.
   */
  readonly admission: Stage<TTarget, TRequest, TResponse, TPart>;
}

/**
 * The pipeline's default: `RateLimiter`'s (no local limits until response headers report
 * them, per-minute windows, `windowKind: 'auto'`), but waits of at most 30 s instead of
 * unbounded ones, and never so long that the answer cannot arrive before the deadline.
 */
export const defaultRateLimitStageOptions = {
  requestsPerWindow: defaultRateLimiterOptions.requestsPerWindow,
  tokensPerWindow: defaultRateLimiterOptions.tokensPerWindow,
  windowMs: defaultRateLimiterOptions.windowMs,
  windowKind: defaultRateLimiterOptions.windowKind,
  maxWaitMs: 30_000,
  responseTimeReserveMs: 'observed',
} as const satisfies RateLimitStageOptions;

const { windowMs: _limiterDefault, ...defaultsButWindow } = defaultRateLimitStageOptions;

/**
 * One adaptive rate limiter per target. Each attempt first takes a permit for one request and
 * the request's estimated tokens (`binding.estimateTokens`), settled on the tokens the
 * response reports (cached input tokens do not count). Rate-limit headers of every response
 * correct the local buckets; a 429 is reported to the limiter (`reportRateLimited`: with the
 * default `windowKind: 'auto'` it stops dripping between reports, and counts fixed windows when
 * the 429 shows one) and pauses the whole target, every waiter included, for as long as the
 * server asked. A wait longer than `maxWaitMs`, or than the call's remaining deadline
 * less the time an answer takes (`responseTimeReserveMs`), is refused at once with
 * `RateLimitWaitTooLongError`, and the call moves on to the next target.
 *
 * Options are checked here; the model's targets, clock and `binding.estimateTokens` come
 * with `setup`, which the model calls when it is built and which refuses overrides for
 * targets the model does not have. The stage serves one model: setting it up for a second
 * throws `InvalidOptionError`, and running it before setup throws. `limiters` holds one
 * limiter per target once the stage is set up.
 *
 * @typeParam TTarget What a target is for the binding (an OpenAI client and model, an AI SDK
 * model); `FitsAnyModel` (the default) when built without type arguments, so the stage fits any
 * model.
 * @typeParam TRequest The request the binding's SDK takes (OpenAI chat or responses params, AI
 * SDK call options); `FitsAnyModel` (the default) when built without type arguments, so the
 * stage fits any model.
 * @typeParam TResponse The response the binding's SDK gives for one non-streaming attempt;
 * `FitsAnyModel` (the default) when built without type arguments, so the stage fits any model.
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an
 * AI SDK stream part); `FitsAnyModel` (the default) when built without type arguments, so the
 * stage fits any model.
 */
export function createRateLimitStage<
  TTarget = FitsAnyModel,
  TRequest = FitsAnyModel,
  TResponse = FitsAnyModel,
  TPart = FitsAnyModel,
>(options: RateLimitStageOptions = {}): RateLimitStage<TTarget, TRequest, TResponse, TPart> {
  assertOptions('rateLimit', options, rateLimitStageOptionKeys);
  const settings = perTarget(
    'rateLimit',
    // The window is left to the limiter when not given: only then does it infer the window
    // from the provider's reports (`RateLimiter`'s default is the same 60000).
    { ...defaultsButWindow, ...options },
    rateLimitTargetKeys,
    ({ responseTimeReserveMs, shared = {}, ...limiterOptions }, targetId, clock, model) => ({
      limiter: createTargetRateLimiter(
        { key: `rate-limiter:${targetId}`, ...limiterOptions, clock },
        targetId,
        model,
        checkedSharedStateTuning('shared', shared),
      ),
      maxWaitMs: limiterOptions.maxWaitMs ?? defaultRateLimitStageOptions.maxWaitMs,
      responseTimes: prepareResponseTimes(
        responseTimeReserveMs ?? defaultRateLimitStageOptions.responseTimeReserveMs,
      ),
    }),
  );
  const limiters = new Map<string, TargetRateLimiter>();
  const model = createModelState(
    'rate-limit',
    (setup: StageSetup<TTarget, TRequest, TResponse, TPart>) => {
      const byTarget = settings.setUp(setup);
      for (const [id, { limiter }] of byTarget) limiters.set(id, limiter);
      const { binding } = setup;
      return { byTarget, estimateTokens: binding.estimateTokens?.bind(binding) };
    },
  );
  /** This target's settings, the longest this attempt may wait for a permit, and its tokens. */
  const allowance = (request: TRequest, context: TargetContext<TTarget>) => {
    const { byTarget, estimateTokens } = model.current();
    const target = byTarget.get(context.targetId)!;
    const answerTimeLeftMs = context.deadline.remainingMs() - target.responseTimes.estimateMs();
    return {
      ...target,
      tokens: estimateTokens?.(request) ?? 0,
      maxWaitMs: Math.min(target.maxWaitMs, Math.max(0, answerTimeLeftMs)),
    };
  };
  const refusalFor = (request: TRequest, context: TargetContext<TTarget>) => {
    const { limiter, tokens, maxWaitMs } = allowance(request, context);
    const waitMs = limiter.expectedWaitMs(tokens);
    if (waitMs <= maxWaitMs) return undefined;
    return new RateLimitWaitTooLongError({ retryAfterMs: Math.ceil(waitMs), maxWaitMs });
  };
  return {
    name: 'rate-limit',
    limiters,
    setup: model.setup,
    refusalFor,
    admission: createRateLimitAdmissionStage(refusalFor),
    async wrapTarget({ request, context, next }) {
      const { limiter, responseTimes, tokens, maxWaitMs } = allowance(request, context);
      const permit = await limiter.acquire({ tokens, signal: context.signal, maxWaitMs });
      const grantedAt = context.clock.now();
      try {
        const outcome = await next(request);
        permit.answered();
        responseTimes.record(context.clock.now() - grantedAt);
        return settleOnUsage(outcome, permit);
      } catch (error) {
        backOff(limiter, permit, context.classify(error));
        throw error;
      }
    },
    observe(observation, context) {
      const { limiter } = model.current().byTarget.get(context.targetId)!;
      if (observation.rateLimit) limiter.observe(observation.rateLimit);
    },
  };
}

/** Response times to learn from, or a fixed reserve that learns nothing. */
function prepareResponseTimes(
  reserveMs: number | 'observed',
): Pick<ResponseTimes, 'record' | 'estimateMs'> {
  if (reserveMs === 'observed') return new ResponseTimes();
  assertNumber('responseTimeReserveMs', reserveMs);
  return { record: () => {}, estimateMs: () => reserveMs };
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

function backOff(limiter: TargetRateLimiter, permit: RateLimitPermit, failure: Failure): void {
  if (failure.kind === 'refused') {
    // An inner stage refused to send it: the provider never counted this request.
    permit.release();
    return;
  }
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
