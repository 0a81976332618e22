/**
 * Helpers the sibling packages of `@resilient-llm/policies` share. Not covered by semver:
 * they change with the packages that use them, so do not import them yourself.
 *
 * @internal
 * @packageDocumentation
 */
export { bulkheadOptionKeys } from './bulkhead/bulkhead-options';
export { circuitBreakerOptionKeys } from './circuit-breaker/circuit-breaker-options';
export { localRefusalOf } from './errors/local-refusal';
export { EventEmitter } from './events/event';
export { rateLimiterOptionKeys } from './rate-limit/rate-limiter-options';
export { retryOptionKeys } from './retry/retry-options';
export { applyRateLimitCommands } from './shared/apply-rate-limit-commands';
export { assertSharedState } from './shared/assert-shared-state';
export {
  assertSharedStateTuning,
  type SharedStateTuning,
} from './shared/prepare-shared-state-options';
export { abortError, onAbort, throwIfAborted } from './time/abort';
