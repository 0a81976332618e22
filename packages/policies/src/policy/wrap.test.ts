import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BulkheadPolicy } from '../bulkhead/bulkhead-policy';
import { CircuitBreakerPolicy } from '../circuit-breaker/circuit-breaker-policy';
import { RetryPolicy } from '../retry/retry-policy';
import { settle } from '../testing/settle';
import { TimeoutPolicy } from '../timeout/timeout-policy';
import type { Policy } from './policy';
import { wrap } from './wrap';

function recorder(name: string, log: string[]): Policy {
  return {
    async execute(fn, signal) {
      log.push(`enter ${name}`);
      try {
        return await fn({ signal: signal ?? new AbortController().signal });
      } finally {
        log.push(`leave ${name}`);
      }
    },
  };
}

describe('wrap', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('runs policies outermost first', async () => {
    const log: string[] = [];
    await wrap(recorder('outer', log), recorder('inner', log)).execute(async () => log.push('fn'));
    expect(log).toEqual(['enter outer', 'enter inner', 'fn', 'leave inner', 'leave outer']);
  });

  it('passes the retry attempt through inner policies and the timeout signal inwards', async () => {
    const seen: Array<{ attempt?: number; aborted: boolean }> = [];
    const policy = wrap(
      new RetryPolicy({ jitter: 'none', initialDelayMs: 10 }),
      new CircuitBreakerPolicy(),
      new BulkheadPolicy(),
      new TimeoutPolicy({ timeoutMs: 1000 }),
    );
    const outcome = await settle(
      policy.execute(async ({ attempt, signal }) => {
        seen.push({ attempt, aborted: signal.aborted });
        if (attempt! < 3) throw new Error('again');
        return 'done';
      }),
    );
    expect(outcome).toEqual({ status: 'fulfilled', value: 'done' });
    expect(seen).toEqual([
      { attempt: 1, aborted: false },
      { attempt: 2, aborted: false },
      { attempt: 3, aborted: false },
    ]);
  });

  it('with no policies, just runs the function', async () => {
    await expect(wrap().execute(async () => 'plain')).resolves.toBe('plain');
  });
});
