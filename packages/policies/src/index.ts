/**
 * The policies, their options and defaults, errors and events. The validation toolkit sits
 * on `@resilient-llm/policies/validation`.
 *
 * @module application
 */
export { type BulkheadOptions, defaultBulkheadOptions } from './bulkhead/bulkhead-options';
export { BulkheadPolicy } from './bulkhead/bulkhead-policy';
export type { BreakEvent, StateChangeEvent } from './circuit-breaker/circuit-breaker-events';
export {
  type BreakerStore,
  type CircuitBreakerOptions,
  type ConsecutiveStrategy,
  defaultCircuitBreakerOptions,
  defaultConsecutiveStrategy,
  defaultSamplingStrategy,
  type SamplingStrategy,
} from './circuit-breaker/circuit-breaker-options';
export { CircuitBreakerPolicy } from './circuit-breaker/circuit-breaker-policy';
export type {
  CircuitBreakerSnapshot,
  CircuitState,
} from './circuit-breaker/circuit-breaker-snapshot';
export type { FailureCounterState } from './circuit-breaker/failure-counter';
export {
  defaultSharedBreakerOptions,
  type SharedBreakerOptions,
} from './circuit-breaker/shared-breaker-options';
export { AbortedError } from './errors/aborted-error';
export { BrokenCircuitError } from './errors/broken-circuit-error';
export {
  BulkheadRejectedError,
  type BulkheadRejectedReason,
} from './errors/bulkhead-rejected-error';
export { InvalidOptionError } from './errors/invalid-option-error';
export type { LocalRefusal } from './errors/local-refusal';
export { RateLimitWaitTooLongError } from './errors/rate-limit-wait-too-long-error';
export { ResilientError } from './errors/resilient-error';
export {
  RetriesExhaustedError,
  type RetriesExhaustedReason,
} from './errors/retries-exhausted-error';
export { RetryAfterTooLongError } from './errors/retry-after-too-long-error';
export { TimeoutError, type TimeoutPhase } from './errors/timeout-error';
export type { Disposable, Event } from './events/event';
export type { Policy, PolicyContext, PolicyFunction } from './policy/policy';
export { wrap } from './policy/wrap';
export type { RateLimitPermit } from './rate-limit/rate-limit-permit';
export { RateLimiter } from './rate-limit/rate-limiter';
export {
  type AcquireOptions,
  defaultAcquireOptions,
  defaultRateLimiterOptions,
  type RateLimitedReport,
  type RateLimiterExecuteOptions,
  type RateLimiterOptions,
  type RateLimiterStore,
  type RateLimitObservation,
} from './rate-limit/rate-limiter-options';
export type { RateLimiterSnapshot, TokenBucketSnapshot } from './rate-limit/rate-limiter-snapshot';
export type {
  RateLimitWindowObservation,
  RefillMode,
  WindowKind,
} from './rate-limit/token-bucket';
export { type Backoff, type BackoffSettings, createBackoff, type Jitter } from './retry/backoff';
export {
  defaultRetryBudgetOptions,
  RetryBudget,
  type RetryBudgetOptions,
} from './retry/retry-budget';
export type { GiveUpEvent, GiveUpReason, RetryEvent } from './retry/retry-events';
export {
  defaultRetryOptions,
  type RetryDeadline,
  type RetryExecuteOptions,
  type RetryOptions,
} from './retry/retry-options';
export { RetryPolicy } from './retry/retry-policy';
export { MemorySharedState } from './shared/memory-shared-state';
export {
  SharedRateLimiter,
  type SharedRateLimiterOptions,
} from './shared/shared-rate-limiter';
export type {
  SharedBreakerView,
  SharedRateLimitCommand,
  SharedRateLimitLimits,
  SharedRateLimitResult,
  SharedState,
  SharedStateFault,
} from './shared/shared-state';
export {
  defaultSharedStateOptions,
  firstAnswerTimeoutFloorMs,
  type SharedStateOptions,
  type SharedStateRejoin,
} from './shared/shared-state-options';
export { MemoryStateStore } from './store/memory-state-store';
export type { MaybePromise, StateStore } from './store/state-store';
export { type Clock, systemClock, type TimerHandle } from './time/clock';
export {
  createDeadline,
  type Deadline,
  type DeadlineOptions,
  defaultDeadlineOptions,
} from './time/deadline';
export { type SleepOptions, sleep } from './time/sleep';
export {
  defaultTimerOptions,
  startTimer,
  type Timer,
  type TimerOptions,
} from './time/start-timer';
export {
  createStreamWatchdog,
  defaultStreamWatchdogOptions,
  type StreamWatchdog,
  type StreamWatchdogOptions,
} from './timeout/stream-watchdog';
export {
  defaultTimeoutOptions,
  type TimeoutOptions,
  TimeoutPolicy,
} from './timeout/timeout-policy';
export { withDeadline } from './timeout/with-deadline';
export type { SlidingWindowCounterState } from './window/sliding-window-counter';
