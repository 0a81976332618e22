import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortedError } from '../errors/aborted-error';
import { TimeoutError } from '../errors/timeout-error';
import { RetryPolicy } from '../retry/retry-policy';
import { track } from '../testing/settle';
import { withDeadline } from './with-deadline';

describe('withDeadline', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('rejects with TimeoutError of phase total when the time runs out', async () => {
    const call = track(withDeadline(() => new Promise(() => {}), { timeoutMs: 1000 }));
    await vi.advanceTimersByTimeAsync(1000);
    const error = (call.outcome as { reason: TimeoutError }).reason;
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error.phase).toBe('total');
  });

  it('resolves with the result and clears the timer', async () => {
    await expect(withDeadline(async () => 'ok', { timeoutMs: 1000 })).resolves.toBe('ok');
  });

  it('rejects with AbortedError when the caller aborts', async () => {
    const controller = new AbortController();
    const call = track(
      withDeadline(() => new Promise(() => {}), { timeoutMs: 1000, signal: controller.signal }),
    );
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(AbortedError.isInstance((call.outcome as { reason: unknown }).reason)).toBe(true);
  });

  it('gives a retry policy the remaining time, so it gives up before the deadline', async () => {
    const retry = new RetryPolicy({ jitter: 'none', initialDelayMs: 400 });
    const fn = vi.fn(async () => {
      throw new Error('down');
    });
    const call = track(
      withDeadline(
        (deadline) => retry.execute(fn, deadline.signal, { deadline: deadline.remainingMs }),
        {
          timeoutMs: 1000,
        },
      ),
    );
    await vi.runAllTimersAsync();
    expect(fn).toHaveBeenCalledTimes(2);
    expect((call.outcome as { reason: { reason: string } }).reason.reason).toBe('deadline');
    expect(Date.now()).toBe(400);
  });
});
