import { describe, expectTypeOf, it } from 'vitest';
import { BulkheadPolicy } from '../bulkhead/bulkhead-policy';
import { CircuitBreakerPolicy } from '../circuit-breaker/circuit-breaker-policy';
import type { RateLimitPermit } from '../rate-limit/rate-limit-permit';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { RetryPolicy } from '../retry/retry-policy';
import { TimeoutPolicy } from '../timeout/timeout-policy';
import type { Policy, PolicyContext } from './policy';
import { wrap } from './wrap';

describe('policy types', () => {
  it('every policy is a Policy and keeps the result type', () => {
    expectTypeOf(new RetryPolicy()).toExtend<Policy>();
    expectTypeOf(new CircuitBreakerPolicy()).toExtend<Policy>();
    expectTypeOf(new BulkheadPolicy()).toExtend<Policy>();
    expectTypeOf(new TimeoutPolicy()).toExtend<Policy>();
    expectTypeOf(new RateLimiter()).toExtend<Policy>();
    expectTypeOf(new RetryPolicy().execute(async () => 42)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(wrap(new RetryPolicy(), new TimeoutPolicy()).execute(() => 'sync')).toEqualTypeOf<
      Promise<string>
    >();
  });

  it('hands the function a context with a signal and an optional attempt', () => {
    new RetryPolicy().execute((context) => {
      expectTypeOf(context).toEqualTypeOf<PolicyContext>();
      expectTypeOf(context.signal).toEqualTypeOf<AbortSignal>();
      expectTypeOf(context.attempt).toEqualTypeOf<number | undefined>();
      return context.attempt;
    });
  });

  it('types tokensUsed by the result and acquire by the permit', () => {
    new RateLimiter().execute(async () => ({ usage: 3 }), undefined, {
      tokens: 10,
      tokensUsed: (result) => {
        expectTypeOf(result).toEqualTypeOf<{ usage: number }>();
        return result.usage;
      },
    });
    expectTypeOf(new RateLimiter().acquire()).toEqualTypeOf<Promise<RateLimitPermit>>();
  });
});
