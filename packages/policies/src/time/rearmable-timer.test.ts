import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './clock';
import { RearmableTimer } from './rearmable-timer';
import { maxTimerDelayMs } from './timer-delay';

describe('RearmableTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('fires once after the delay, and can be armed again after it fired', async () => {
    const callback = vi.fn();
    const timer = new RearmableTimer(callback, systemClock);
    timer.arm(100);
    expect(timer.isArmed).toBe(true);
    await vi.advanceTimersByTimeAsync(99);
    expect(callback).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(timer.isArmed).toBe(false);
    timer.arm(10);
    await vi.advanceTimersByTimeAsync(10);
    expect(callback).toHaveBeenCalledTimes(2);
  });

  it('arming again replaces the arming before: one host timer, the last delay', async () => {
    const callback = vi.fn();
    const timer = new RearmableTimer(callback, systemClock);
    timer.arm(100);
    timer.arm(30);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(30);
    expect(callback).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('arming for the moment it is already armed for keeps the host timer as it is', async () => {
    const callback = vi.fn();
    const setTimeoutSpy = vi.spyOn(systemClock, 'setTimeout');
    const timer = new RearmableTimer(callback, systemClock);
    timer.arm(100);
    await vi.advanceTimersByTimeAsync(40);
    timer.arm(60);
    expect(setTimeoutSpy).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60);
    expect(callback).toHaveBeenCalledTimes(1);
    setTimeoutSpy.mockRestore();
  });

  it('cancel leaves no timer and is a no-op when not armed; Infinity only cancels', async () => {
    const callback = vi.fn();
    const timer = new RearmableTimer(callback, systemClock);
    timer.cancel();
    timer.arm(50);
    timer.cancel();
    expect(vi.getTimerCount()).toBe(0);
    timer.arm(50);
    timer.arm(Infinity);
    expect(timer.isArmed).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(callback).not.toHaveBeenCalled();
  });

  it('a negative delay counts as 0', async () => {
    const callback = vi.fn();
    new RearmableTimer(callback, systemClock).arm(-5);
    await vi.advanceTimersByTimeAsync(0);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('fires a delay beyond the longest host timer at its time and not before', async () => {
    const callback = vi.fn();
    const delayMs = 3e9;
    const timer = new RearmableTimer(callback, systemClock);
    timer.arm(delayMs);
    await vi.advanceTimersByTimeAsync(maxTimerDelayMs);
    expect(callback).not.toHaveBeenCalled();
    expect(timer.isArmed).toBe(true);
    await vi.advanceTimersByTimeAsync(delayMs - maxTimerDelayMs - 1);
    expect(callback).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
