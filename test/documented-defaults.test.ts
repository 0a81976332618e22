import { describe, expect, it } from 'vitest';
import * as core from '../packages/core/src/index.ts';
import * as policies from '../packages/policies/src/index.ts';
import {
  findDefaultMismatches,
  type OptionsTypeEntry,
} from './documented-defaults/check-documented-defaults';

// Reasons a documented default is not a literal value.
const clock = 'a source of time (the system clock, or the model’s)';
const aFunction = 'a function';
const perTarget = 'built from the target id';

const optionsTypes: OptionsTypeEntry[] = [
  // policies
  {
    file: 'packages/policies/src/retry/retry-options.ts',
    type: 'RetryOptions',
    defaults: 'defaultRetryOptions',
    exceptions: { shouldRetry: aFunction, clock },
  },
  {
    file: 'packages/policies/src/retry/retry-options.ts',
    type: 'RetryExecuteOptions',
    exceptions: { deadline: 'the policy’s own option' },
  },
  {
    file: 'packages/policies/src/retry/retry-budget.ts',
    type: 'RetryBudgetOptions',
    defaults: 'defaultRetryBudgetOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/rate-limit/rate-limiter-options.ts',
    type: 'RateLimiterOptions',
    defaults: 'defaultRateLimiterOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/rate-limit/rate-limiter-options.ts',
    type: 'AcquireOptions',
    defaults: 'defaultAcquireOptions',
    exceptions: { maxWaitMs: 'the limiter’s own option' },
  },
  {
    file: 'packages/policies/src/rate-limit/rate-limiter-options.ts',
    type: 'RateLimiterExecuteOptions',
    exceptions: { tokensUsed: aFunction },
  },
  {
    file: 'packages/policies/src/bulkhead/bulkhead-options.ts',
    type: 'BulkheadOptions',
    defaults: 'defaultBulkheadOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/circuit-breaker/circuit-breaker-options.ts',
    type: 'CircuitBreakerOptions',
    defaults: 'defaultCircuitBreakerOptions',
    exceptions: { shouldCount: aFunction, clock },
  },
  {
    file: 'packages/policies/src/circuit-breaker/circuit-breaker-options.ts',
    type: 'ConsecutiveStrategy',
    defaults: 'defaultConsecutiveStrategy',
  },
  {
    file: 'packages/policies/src/circuit-breaker/circuit-breaker-options.ts',
    type: 'SamplingStrategy',
    defaults: 'defaultSamplingStrategy',
  },
  {
    file: 'packages/policies/src/timeout/timeout-policy.ts',
    type: 'TimeoutOptions',
    defaults: 'defaultTimeoutOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/timeout/stream-watchdog.ts',
    type: 'StreamWatchdogOptions',
    defaults: 'defaultStreamWatchdogOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/time/start-timer.ts',
    type: 'TimerOptions',
    defaults: 'defaultTimerOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/time/deadline.ts',
    type: 'DeadlineOptions',
    defaults: 'defaultDeadlineOptions',
    exceptions: { clock },
  },
  { file: 'packages/policies/src/time/sleep.ts', type: 'SleepOptions', exceptions: { clock } },
  // core
  {
    file: 'packages/core/src/pipeline/model-options.ts',
    type: 'ResilientModelOptions',
    defaults: 'defaultResilientModelOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/core/src/contract/resilient-model.ts',
    type: 'CallOptions',
    exceptions: { timeoutMs: 'the model’s own option' },
  },
  {
    file: 'packages/core/src/stages/retry-stage.ts',
    type: 'RetryStageOptions',
    defaults: 'defaultRetryStageOptions',
  },
  {
    file: 'packages/core/src/stages/rate-limit-stage.ts',
    type: 'RateLimitStageOptions',
    defaults: 'defaultRateLimitStageOptions',
    exceptions: { key: perTarget },
  },
  {
    file: 'packages/core/src/stages/circuit-breaker-stage.ts',
    type: 'CircuitBreakerStageOptions',
    defaults: 'defaultCircuitBreakerStageOptions',
    exceptions: { key: perTarget },
  },
  {
    file: 'packages/core/src/stages/bulkhead-stage.ts',
    type: 'BulkheadStageOptions',
    exceptions: {},
  },
  { file: 'packages/core/src/stream/stream-timeouts.ts', type: 'StreamTimeouts' },
];

const constants: Record<string, object> = Object.fromEntries(
  [policies, core].flatMap((module) =>
    Object.entries(module).filter(([name]) =>
      /^default\w+Options$|^default\w+Strategy$/.test(name),
    ),
  ),
);

describe('documented defaults', () => {
  it('every options field documents the value its constant holds', () => {
    expect(findDefaultMismatches(optionsTypes, constants)).toEqual([]);
  });
});
