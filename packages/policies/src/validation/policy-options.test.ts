import { refusal } from '@resilient-llm/test-utils/refusal';
import { describe, expect, it } from 'vitest';
import { BulkheadPolicy } from '../bulkhead/bulkhead-policy';
import { CircuitBreakerPolicy } from '../circuit-breaker/circuit-breaker-policy';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { RetryBudget } from '../retry/retry-budget';
import { RetryPolicy } from '../retry/retry-policy';
import { createStreamWatchdog } from '../timeout/stream-watchdog';
import { TimeoutPolicy } from '../timeout/timeout-policy';

describe('every policy refuses an option it does not know, and a collaborator it cannot use', () => {
  it.each([
    ['RetryPolicy', () => new RetryPolicy({ maxAttemps: 1 } as never), 'maxAttemps', 'maxAttempts'],
    ['RetryBudget', () => new RetryBudget({ windowMS: 1_000 } as never), 'windowMS', 'windowMs'],
    [
      'CircuitBreakerPolicy',
      () => new CircuitBreakerPolicy({ halfOpenAfter: 1_000 } as never),
      'halfOpenAfter',
      'halfOpenAfterMs',
    ],
    [
      'CircuitBreakerPolicy strategy',
      () => new CircuitBreakerPolicy({ strategy: { kind: 'consecutive', treshold: 2 } as never }),
      'strategy.treshold',
      'threshold',
    ],
    [
      'CircuitBreakerPolicy sampling strategy',
      () => new CircuitBreakerPolicy({ strategy: { kind: 'sampling', window: 1 } as never }),
      'strategy.window',
      'windowMs',
    ],
    [
      'RateLimiter',
      () => new RateLimiter({ requestPerWindow: 5 } as never),
      'requestPerWindow',
      'requestsPerWindow',
    ],
    [
      'BulkheadPolicy',
      () => new BulkheadPolicy({ maxConcurent: 2 } as never),
      'maxConcurent',
      'maxConcurrent',
    ],
    ['TimeoutPolicy', () => new TimeoutPolicy({ timeout: 5 } as never), 'timeout', 'timeoutMs'],
    [
      'createStreamWatchdog',
      () => createStreamWatchdog({ onTimeout() {}, idleTimeout: 5 } as never),
      'idleTimeout',
      'idleTimeoutMs',
    ],
  ])('%s refuses a misspelt option, suggesting the one it means', (_, build, field, suggestion) => {
    const error = refusal(build);
    expect(error.field).toBe(field);
    expect(error.reason).toContain(`did you mean \`${suggestion}\`?`);
  });

  it('names an unknown key without a close match and lists what it accepts', () => {
    expect(refusal(() => new RateLimiter({ rpm: 60 } as never)).reason).toBe(
      'is not a known option (known: requestsPerWindow, tokensPerWindow, windowMs, maxWaitMs, windowKind, store, key, clock)',
    );
  });

  it.each([
    [
      'a budget without its methods',
      () => new RetryPolicy({ budget: {} as never }),
      'budget.recordCall',
    ],
    [
      'a clock without timers',
      () => new RetryPolicy({ clock: { now: () => 0 } as never }),
      'clock.setTimeout',
    ],
    [
      'a store without save',
      () => new CircuitBreakerPolicy({ store: { load: () => undefined } as never }),
      'store.save',
    ],
    ['a store that is not one', () => new RateLimiter({ store: 'redis' as never }), 'store'],
    ['a key that is not a string', () => new RateLimiter({ key: 5 as never }), 'key'],
    ['a clock that is not one', () => new BulkheadPolicy({ clock: 'now' as never }), 'clock'],
    ['a budget clock', () => new RetryBudget({ clock: {} as never }), 'clock.now'],
    ['a timeout clock', () => new TimeoutPolicy({ clock: {} as never }), 'clock.now'],
    ['no onTimeout', () => createStreamWatchdog({} as never), 'onTimeout'],
    ['no options at all', () => createStreamWatchdog(undefined as never), 'options'],
    ['null options', () => new RetryPolicy(null as never), 'options'],
  ])('refuses %s', (_, build, field) => {
    expect(refusal(build).field).toBe(field);
  });

  it('still takes its own RetryBudget and a structurally equal one', () => {
    expect(() => new RetryPolicy({ budget: new RetryBudget() })).not.toThrow();
    const budget = { recordCall() {}, tryRetry: () => false };
    expect(() => new RetryPolicy({ budget: budget as never })).not.toThrow();
  });
});
