import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStreamWatchdog } from './stream-watchdog';

describe('createStreamWatchdog', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('fires first-token when no content arrives in time, even if preamble parts do', () => {
    const onTimeout = vi.fn();
    const watchdog = createStreamWatchdog({
      firstContentTimeoutMs: 1000,
      idleTimeoutMs: 5000,
      onTimeout,
    });
    vi.advanceTimersByTime(600);
    watchdog.partArrived();
    vi.advanceTimersByTime(400);
    expect(onTimeout).toHaveBeenCalledTimes(1);
    expect(onTimeout.mock.calls[0]![0]).toBe('first-token');
    expect(onTimeout.mock.calls[0]![1].phase).toBe('first-token');
  });

  it('fires idle when the gap between parts is too long, and only once', () => {
    const onTimeout = vi.fn();
    const watchdog = createStreamWatchdog({
      firstContentTimeoutMs: 1000,
      idleTimeoutMs: 300,
      onTimeout,
    });
    vi.advanceTimersByTime(500);
    watchdog.contentArrived();
    vi.advanceTimersByTime(250);
    watchdog.partArrived();
    vi.advanceTimersByTime(250);
    watchdog.contentArrived();
    vi.advanceTimersByTime(300);
    watchdog.partArrived();
    vi.advanceTimersByTime(1000);
    expect(onTimeout.mock.calls.map((call) => call[0])).toEqual(['idle']);
  });

  it('clears every timer on dispose', () => {
    const onTimeout = vi.fn();
    const watchdog = createStreamWatchdog({
      firstContentTimeoutMs: 1000,
      idleTimeoutMs: 300,
      onTimeout,
    });
    watchdog.partArrived();
    watchdog.dispose();
    vi.advanceTimersByTime(5000);
    expect(onTimeout).not.toHaveBeenCalled();
  });

  it('honours limits beyond the longest host timer', () => {
    const onTimeout = vi.fn();
    const watchdog = createStreamWatchdog({
      firstContentTimeoutMs: 2 ** 31,
      idleTimeoutMs: 3e9,
      onTimeout,
    });
    vi.advanceTimersByTime(2 ** 31 - 1);
    watchdog.contentArrived();
    vi.advanceTimersByTime(3e9 - 1);
    expect(onTimeout).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onTimeout.mock.calls.map((call) => call[0])).toEqual(['idle']);
  });

  it('has no timers without limits', () => {
    const watchdog = createStreamWatchdog({ onTimeout: vi.fn() });
    watchdog.contentArrived();
    expect(vi.getTimerCount()).toBe(0);
  });
});
