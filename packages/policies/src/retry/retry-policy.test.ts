import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortedError } from '../errors/aborted-error';
import { InvalidOptionError } from '../errors/invalid-option-error';
import { RetriesExhaustedError } from '../errors/retries-exhausted-error';
import { RetryAfterTooLongError } from '../errors/retry-after-too-long-error';
import { rejectionOf, settle, track } from '../testing/settle';
import { RetryBudget } from './retry-budget';
import { RetryPolicy } from './retry-policy';

/** A function that fails `failures` times, then returns 'ok', recording when each call started. */
function flaky(failures: number) {
  const starts: number[] = [];
  const attempts: Array<number | undefined> = [];
  const fn = vi.fn(async ({ attempt }: { attempt?: number }) => {
    starts.push(Date.now());
    attempts.push(attempt);
    if (starts.length <= failures) throw new Error(`failure ${starts.length}`);
    return 'ok';
  });
  return { fn, starts, attempts };
}

describe('RetryPolicy', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('counts calls, not retries, in maxAttempts and reports every error', async () => {
    const { fn } = flaky(Infinity);
    const retry = new RetryPolicy({ maxAttempts: 3, jitter: 'none', initialDelayMs: 10 });
    const error = await rejectionOf(retry.execute(fn));
    expect(fn).toHaveBeenCalledTimes(3);
    expect(RetriesExhaustedError.isInstance(error)).toBe(true);
    const exhausted = error as RetriesExhaustedError;
    expect(exhausted.attempts).toBe(3);
    expect(exhausted.reason).toBe('max-attempts');
    expect((exhausted.errors as Error[]).map((e) => e.message)).toEqual([
      'failure 1',
      'failure 2',
      'failure 3',
    ]);
    expect(exhausted.lastError).toBe(exhausted.errors[2]);
    expect(exhausted.cause).toBe(exhausted.lastError);
  });

  it('returns the first success and numbers the attempts from 1', async () => {
    const { fn, attempts } = flaky(2);
    const outcome = await settle(new RetryPolicy({ jitter: 'none' }).execute(fn));
    expect(outcome).toEqual({ status: 'fulfilled', value: 'ok' });
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('waits an exponential backoff capped by maxDelayMs', async () => {
    const { fn, starts } = flaky(4);
    const retry = new RetryPolicy({
      maxAttempts: 5,
      jitter: 'none',
      initialDelayMs: 100,
      multiplier: 3,
      maxDelayMs: 500,
    });
    await settle(retry.execute(fn));
    expect(starts).toEqual([0, 100, 400, 900, 1400]);
  });

  it('draws full jitter from [0, delay)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const { fn, starts } = flaky(2);
    await settle(new RetryPolicy({ initialDelayMs: 100 }).execute(fn));
    expect(starts).toEqual([0, 50, 150]);
  });

  it('keeps decorrelated waits within maxDelayMs', async () => {
    const { fn, starts } = flaky(5);
    await settle(
      new RetryPolicy({
        maxAttempts: 6,
        jitter: 'decorrelated',
        initialDelayMs: 100,
        maxDelayMs: 300,
      }).execute(fn),
    );
    const waits = starts.slice(1).map((start, index) => start - starts[index]!);
    expect(waits).toHaveLength(5);
    for (const wait of waits) expect(wait).toBeLessThanOrEqual(300);
  });

  it('rethrows an error shouldRetry rejects, unchanged, after one call', async () => {
    const failure = new Error('bad request');
    const fn = vi.fn(async () => {
      throw failure;
    });
    const retry = new RetryPolicy({ shouldRetry: (error) => error !== failure });
    const giveUps: unknown[] = [];
    retry.onGiveUp((event) => giveUps.push(event));
    expect(await rejectionOf(retry.execute(fn))).toBe(failure);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(giveUps).toEqual([{ attempts: 1, error: failure, reason: 'not-retryable' }]);
  });

  it('does not retry AbortedError by default', async () => {
    const fn = vi.fn(async () => {
      throw new AbortedError();
    });
    const error = await rejectionOf(new RetryPolicy().execute(fn));
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('waits the server-requested delay when it is longer than the backoff', async () => {
    const { fn, starts } = flaky(2);
    const retry = new RetryPolicy({
      jitter: 'none',
      initialDelayMs: 100,
      retryAfterMs: () => 5000,
    });
    await settle(retry.execute(fn));
    expect(starts).toEqual([0, 5000, 10_000]);
  });

  it('spreads a server-requested delay upward, never below it', async () => {
    const randoms = [0, 0.5, 0.999];
    for (const random of randoms) {
      vi.spyOn(Math, 'random').mockReturnValue(random);
      const { fn, starts } = flaky(1);
      const now = Date.now();
      await settle(new RetryPolicy({ initialDelayMs: 10, retryAfterMs: () => 1000 }).execute(fn));
      // Full jitter makes the backoff at most 9 ms here, so the server's wait governs.
      expect(starts[1]! - now).toBe(1000 + Math.floor(random * 0.1 * 1000));
    }
  });

  it('keeps the backoff when it is longer than the server-requested delay', async () => {
    const { fn, starts } = flaky(1);
    await settle(
      new RetryPolicy({ jitter: 'none', initialDelayMs: 800, retryAfterMs: () => 10 }).execute(fn),
    );
    expect(starts).toEqual([0, 800]);
  });

  it('gives up at once when the server asks for more than maxServerDelayMs', async () => {
    const { fn } = flaky(Infinity);
    const retry = new RetryPolicy({ retryAfterMs: () => 120_000, maxServerDelayMs: 60_000 });
    const tracker = track(retry.execute(fn));
    await vi.advanceTimersByTimeAsync(0);
    const error = tracker.outcome.status === 'rejected' ? tracker.outcome.reason : undefined;
    expect(RetryAfterTooLongError.isInstance(error)).toBe(true);
    expect(RetriesExhaustedError.isInstance(error)).toBe(true);
    expect((error as RetryAfterTooLongError).retryAfterMs).toBe(120_000);
    expect((error as RetryAfterTooLongError).reason).toBe('retry-after-too-long');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('gives up on a server delay longer than any timer, even with no maxServerDelayMs', async () => {
    const { fn } = flaky(Infinity);
    const retry = new RetryPolicy({ retryAfterMs: () => 2 ** 40, maxServerDelayMs: Infinity });
    const error = await rejectionOf(retry.execute(fn));
    expect(RetryAfterTooLongError.isInstance(error)).toBe(true);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('ignores a server delay that is not a usable number', async () => {
    const { fn, starts } = flaky(1);
    await settle(
      new RetryPolicy({
        jitter: 'none',
        initialDelayMs: 100,
        retryAfterMs: () => Number.NaN,
      }).execute(fn),
    );
    expect(starts).toEqual([0, 100]);
  });

  it('stops waiting at once when the signal fires and clears its timer', async () => {
    const { fn } = flaky(Infinity);
    const controller = new AbortController();
    const tracker = track(
      new RetryPolicy({ jitter: 'none', initialDelayMs: 10_000 }).execute(fn, controller.signal),
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(tracker.outcome.status).toBe('rejected');
    expect(AbortedError.isInstance((tracker.outcome as { reason: unknown }).reason)).toBe(true);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('never starts a wait that would end past the deadline', async () => {
    const { fn, starts } = flaky(Infinity);
    const retry = new RetryPolicy({ jitter: 'none', initialDelayMs: 100, deadline: 350 });
    const error = (await rejectionOf(retry.execute(fn))) as RetriesExhaustedError;
    expect(starts).toEqual([0, 100, 300]);
    expect(error.reason).toBe('deadline');
    expect(Date.now()).toBe(300);
  });

  it('takes a deadline as a function of remaining time, and per call', async () => {
    const { fn } = flaky(Infinity);
    const retry = new RetryPolicy({ jitter: 'none', initialDelayMs: 100, deadline: () => 50 });
    const error = (await rejectionOf(retry.execute(fn))) as RetriesExhaustedError;
    expect(error.reason).toBe('deadline');
    expect(fn).toHaveBeenCalledTimes(1);
    const perCall = flaky(Infinity);
    await rejectionOf(retry.execute(perCall.fn, undefined, { deadline: 250 }));
    expect(perCall.starts).toEqual([0, 100]);
  });

  it('stops retrying when the shared budget is spent', async () => {
    const budget = new RetryBudget({ ratio: 0, minRetriesPerWindow: 1 });
    const retry = new RetryPolicy({ jitter: 'none', initialDelayMs: 10, budget });
    const first = flaky(Infinity);
    const second = flaky(Infinity);
    const firstError = (await rejectionOf(retry.execute(first.fn))) as RetriesExhaustedError;
    const secondError = (await rejectionOf(retry.execute(second.fn))) as RetriesExhaustedError;
    expect(first.fn).toHaveBeenCalledTimes(2);
    expect(firstError.reason).toBe('budget');
    expect(second.fn).toHaveBeenCalledTimes(1);
    expect(secondError.reason).toBe('budget');
  });

  it('emits onRetry before each wait with the attempt, delay and error', async () => {
    const { fn } = flaky(2);
    const retry = new RetryPolicy({ jitter: 'none', initialDelayMs: 100 });
    const events: Array<{ attempt: number; delayMs: number; message: string }> = [];
    retry.onRetry(({ attempt, delayMs, error }) =>
      events.push({ attempt, delayMs, message: (error as Error).message }),
    );
    await settle(retry.execute(fn));
    expect(events).toEqual([
      { attempt: 1, delayMs: 100, message: 'failure 1' },
      { attempt: 2, delayMs: 200, message: 'failure 2' },
    ]);
  });

  it('rejects invalid options at construction, naming the field', () => {
    expect(() => new RetryPolicy({ maxAttempts: 0 })).toThrow(InvalidOptionError);
    try {
      new RetryPolicy({ jitter: 'some' as 'full' });
    } catch (error) {
      expect((error as InvalidOptionError).field).toBe('jitter');
    }
  });
});
