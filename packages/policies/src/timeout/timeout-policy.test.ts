import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortedError } from '../errors/aborted-error';
import { TimeoutError } from '../errors/timeout-error';
import { track } from '../testing/settle';
import { TimeoutPolicy } from './timeout-policy';

const never = ({ signal }: { signal: AbortSignal }) =>
  new Promise<string>((_resolve, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason)),
  );

describe('TimeoutPolicy', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('rejects with TimeoutError of phase attempt and aborts the inner signal', async () => {
    const timeout = new TimeoutPolicy({ timeoutMs: 1000 });
    let inner: AbortSignal | undefined;
    const call = track(
      timeout.execute(({ signal }) => {
        inner = signal;
        return new Promise(() => {});
      }),
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(call.outcome.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    const error = (call.outcome as { reason: TimeoutError }).reason;
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error.phase).toBe('attempt');
    expect(inner?.aborted).toBe(true);
    expect(inner?.reason).toBe(error);
  });

  it('reports phase total when configured so', async () => {
    const call = track(new TimeoutPolicy({ timeoutMs: 10, phase: 'total' }).execute(never));
    await vi.advanceTimersByTimeAsync(10);
    expect((call.outcome as { reason: TimeoutError }).reason.phase).toBe('total');
  });

  it('clears its timer as soon as the call settles', async () => {
    const timeout = new TimeoutPolicy({ timeoutMs: 1000 });
    await expect(timeout.execute(async () => 'ok')).resolves.toBe('ok');
    await expect(timeout.execute(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(
      timeout.execute(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with AbortedError at once when the caller aborts', async () => {
    const controller = new AbortController();
    const call = track(new TimeoutPolicy({ timeoutMs: 1000 }).execute(never, controller.signal));
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(AbortedError.isInstance((call.outcome as { reason: unknown }).reason)).toBe(true);
  });

  it('emits onTimeout', async () => {
    const timeout = new TimeoutPolicy({ timeoutMs: 5 });
    const seen: unknown[] = [];
    timeout.onTimeout((error) => seen.push(error.phase));
    track(timeout.execute(never));
    await vi.advanceTimersByTimeAsync(5);
    expect(seen).toEqual(['attempt']);
  });

  it('times out at a limit beyond the longest host timer, and not before', async () => {
    const call = track(new TimeoutPolicy({ timeoutMs: 3e9 }).execute(never));
    await vi.advanceTimersByTimeAsync(3e9 - 1);
    expect(call.outcome.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect((call.outcome as { reason: unknown }).reason).toMatchObject({ timeoutMs: 3e9 });
  });

  it('passes through without a timer when timeoutMs is Infinity', async () => {
    const timeout = new TimeoutPolicy({ timeoutMs: Infinity });
    const call = timeout.execute(async () => {
      expect(vi.getTimerCount()).toBe(0);
      return 'ok';
    });
    await expect(call).resolves.toBe('ok');
  });
});
