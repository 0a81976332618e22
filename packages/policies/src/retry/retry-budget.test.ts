import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RetryBudget } from './retry-budget';

describe('RetryBudget', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('allows the floor plus a share of the calls made in the window', () => {
    const budget = new RetryBudget({ ratio: 0.5, windowMs: 10_000, minRetriesPerWindow: 1 });
    for (let call = 0; call < 4; call++) budget.recordCall();
    expect(budget.availableRetries).toBe(3);
    expect([budget.tryRetry(), budget.tryRetry(), budget.tryRetry(), budget.tryRetry()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('forgets calls and retries once they leave the sliding window', () => {
    const budget = new RetryBudget({ ratio: 0, windowMs: 10_000, minRetriesPerWindow: 2 });
    expect(budget.tryRetry()).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(budget.availableRetries).toBe(1);
    vi.advanceTimersByTime(5000);
    expect(budget.availableRetries).toBe(2);
  });

  it('rejects a negative ratio, naming the field', () => {
    expect(() => new RetryBudget({ ratio: -1 })).toThrow(/ratio/);
  });
});
