import type { Clock, SharedState } from '@resilient-llm/policies';
import { optionKeys } from '@resilient-llm/policies/validation';
import type { ModelBinding } from '../contract/binding';
import type { PipelineEvent } from '../contract/pipeline-event';
import type { Stage } from '../contract/stage';
import type { BulkheadStageOptions } from '../stages/bulkhead-stage';
import type { CircuitBreakerStageOptions } from '../stages/circuit-breaker-stage';
import type { RateLimitStageOptions } from '../stages/rate-limit-stage';
import type { RetryStageOptions } from '../stages/retry-stage';
import type { StreamTimeouts } from '../stream/stream-timeouts';

/** Options of `createResilientModel`. */
export interface ResilientModelOptions<TTarget, TRequest, TResponse, TPart> {
  /** The adapter that drives one SDK: a `Binding`, or a `GenerateBinding` for a model that never streams. */
  binding: ModelBinding<TTarget, TRequest, TResponse, TPart>;
  /** The fallback chain, tried in order. At least one; target ids must be unique. */
  targets: readonly TTarget[];
  /**
   * Your own stages, the first listed outermost. They run outside the built-in stages; to
   * place built-ins elsewhere, switch them off here and list `createRetryStage()` & co.
   * yourself. Defaults to none.
   */
  stages?: readonly NoInfer<Stage<TTarget, TRequest, TResponse, TPart>>[];
  /**
   * Retry per target (see `createRetryStage`), or `false` for none. Defaults to `{}`
   * (`defaultResilientModelOptions.retry`): every field at `defaultRetryStageOptions`, i.e. 3
   * calls per target, 1 s backoff x2 with full jitter, server waits up to 30 s.
   */
  retry?: RetryStageOptions | false;
  /**
   * One circuit breaker per target, or `false` for none. Defaults to `{}`
   * (`defaultResilientModelOptions.circuitBreaker`): opening after 5 consecutive
   * overloaded/server/timeout/network failures, half-open after 30 s.
   */
  circuitBreaker?: CircuitBreakerStageOptions | false;
  /**
   * One adaptive rate limiter per target, or `false` for none. Defaults to `{}`
   * (`defaultResilientModelOptions.rateLimit`): every field at `defaultRateLimitStageOptions`,
   * i.e. no local limits until response headers report them, and waits of at most 30 s.
   */
  rateLimit?: RateLimitStageOptions | false;
  /**
   * One bulkhead per target, or `false` for none. Defaults to `false`
   * (`defaultResilientModelOptions.bulkhead`): no concurrency limit.
   */
  bulkhead?: BulkheadStageOptions | false;
  /** Limit of each attempt in ms: a plain call until its response, a stream until its commit point. Defaults to none. */
  attemptTimeoutMs?: number;
  /**
   * Total deadline of every call, in ms; a call may lower or raise it. Defaults to 600000
   * (`defaultResilientModelOptions.timeoutMs`): 10 minutes, as the OpenAI SDK's own request
   * timeout.
   */
  timeoutMs?: number;
  /**
   * Time limits on stream parts (first content, idle gap). Defaults to `{}`
   * (`defaultResilientModelOptions.streamTimeouts`): no limit.
   */
  streamTimeouts?: StreamTimeouts;
  /** Source of time for every wait. Defaults to the system clock. */
  clock?: Clock;
  /**
   * State shared with every other process built with the same target ids (`redisSharedState`
   * of `@resilient-llm/redis`; `MemorySharedState` between the models of one process): each
   * target's rate limiter (`rate-limit:<target id>`) and circuit breaker
   * (`circuit-breaker:<target id>`) act as one across them. When it fails or is slow, each
   * process goes on from its own state and tries it again later; no call fails for it.
   * Defaults to none (every process on its own).
   */
  sharedState?: SharedState;
  /** Receives every pipeline event. Defaults to none. */
  telemetry?: (event: PipelineEvent) => void;
}

/** The values `createResilientModel` applies to the {@link ResilientModelOptions} left out. */
export const defaultResilientModelOptions = {
  retry: {},
  circuitBreaker: {},
  rateLimit: {},
  bulkhead: false,
  timeoutMs: 600_000,
  streamTimeouts: {} as StreamTimeouts,
} as const satisfies Partial<ResilientModelOptions<unknown, unknown, unknown, unknown>>;

/** Every option of {@link ResilientModelOptions}: any other key is refused. */
export const resilientModelOptionKeys = optionKeys<
  ResilientModelOptions<unknown, unknown, unknown, unknown>
>({
  binding: true,
  targets: true,
  stages: true,
  retry: true,
  circuitBreaker: true,
  rateLimit: true,
  bulkhead: true,
  attemptTimeoutMs: true,
  timeoutMs: true,
  streamTimeouts: true,
  clock: true,
  sharedState: true,
  telemetry: true,
});
