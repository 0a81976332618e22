import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Clock, systemClock, type TimerHandle } from './clock';
import { startTimer } from './start-timer';
import { maxTimerDelayMs } from './timer-delay';

/** The system clock (faked in these tests), recording every handle it hands out. */
function recordingClock(wrapHandle: (handle: TimerHandle) => TimerHandle = (handle) => handle) {
  const handles: TimerHandle[] = [];
  const clock: Clock = {
    now: () => systemClock.now(),
    setTimeout: (callback, delayMs) => {
      const handle = wrapHandle(systemClock.setTimeout(callback, delayMs));
      handles.push(handle);
      return handle;
    },
    clearTimeout: (handle) =>
      systemClock.clearTimeout((handle as { inner?: TimerHandle }).inner ?? handle),
  };
  return { clock, handles };
}

describe('startTimer', () => {
  describe('on fake timers', () => {
    beforeEach(() => {
      vi.useFakeTimers({ now: 0 });
    });
    afterEach(() => {
      expect(vi.getTimerCount()).toBe(0);
      vi.useRealTimers();
    });

    it('calls back once after the delay', async () => {
      const callback = vi.fn();
      startTimer(callback, 100);
      await vi.advanceTimersByTimeAsync(99);
      expect(callback).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(callback).toHaveBeenCalledTimes(1);
    });

    it.each([3e9, 2 ** 31, 1e10])(
      'fires a delay of %d ms, beyond the longest host timer, at its time and not before',
      async (delayMs) => {
        const callback = vi.fn();
        startTimer(callback, delayMs);
        // The host would have fired a single timer of this delay after 1 ms.
        await vi.advanceTimersByTimeAsync(1);
        expect(vi.getTimerCount()).toBe(1);
        await vi.advanceTimersByTimeAsync(delayMs - 2);
        expect(callback).not.toHaveBeenCalled();
        await vi.advanceTimersByTimeAsync(1);
        expect(callback).toHaveBeenCalledTimes(1);
        await vi.advanceTimersByTimeAsync(10 * maxTimerDelayMs);
        expect(callback).toHaveBeenCalledTimes(1);
      },
    );

    it('measures a long delay against clock.now(), so a clock that jumped ahead fires it sooner', async () => {
      let skewMs = 0;
      const clock: Clock = { ...systemClock, now: () => Date.now() + skewMs };
      const callback = vi.fn();
      startTimer(callback, 3e9, { clock });
      await vi.advanceTimersByTimeAsync(1e9);
      // The host slept through a billion milliseconds that its timers did not count.
      skewMs = 1e9;
      await vi.advanceTimersByTimeAsync(maxTimerDelayMs - 1e9 - 1);
      expect(callback).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(callback).toHaveBeenCalledTimes(1);
    });

    it('sets no timer at all for Infinity', async () => {
      const callback = vi.fn();
      const cancel = startTimer(callback, Infinity, { unref: true });
      expect(vi.getTimerCount()).toBe(0);
      cancel();
      await vi.advanceTimersByTimeAsync(1e12);
      expect(callback).not.toHaveBeenCalled();
    });

    it('treats a negative delay as 0', async () => {
      const callback = vi.fn();
      startTimer(callback, -50);
      await vi.advanceTimersByTimeAsync(0);
      expect(callback).toHaveBeenCalledTimes(1);
    });

    it('cancels before the timer fires', async () => {
      const callback = vi.fn();
      const cancel = startTimer(callback, 100);
      await vi.advanceTimersByTimeAsync(50);
      cancel();
      cancel();
      await vi.advanceTimersByTimeAsync(1000);
      expect(callback).not.toHaveBeenCalled();
    });

    it('cancels in the middle of a chain', async () => {
      const callback = vi.fn();
      const cancel = startTimer(callback, 1e10);
      // Past the first two links of the chain.
      await vi.advanceTimersByTimeAsync(2 * maxTimerDelayMs + 1000);
      expect(vi.getTimerCount()).toBe(1);
      cancel();
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(1e10);
      expect(callback).not.toHaveBeenCalled();
    });

    it('does nothing when cancelled after it fired', async () => {
      const { clock } = recordingClock();
      const clearTimeout = vi.spyOn(clock, 'clearTimeout');
      const cancel = startTimer(() => {}, 10, { clock });
      await vi.advanceTimersByTimeAsync(10);
      cancel();
      expect(clearTimeout).not.toHaveBeenCalled();
    });

    it('unrefs every timer of a chain when asked, and none otherwise', async () => {
      const unref = vi.fn();
      const { clock, handles } = recordingClock((inner) => ({ inner, unref }));
      startTimer(() => {}, 3e9, { clock, unref: true });
      await vi.advanceTimersByTimeAsync(3e9);
      expect(handles).toHaveLength(2);
      expect(unref).toHaveBeenCalledTimes(2);

      startTimer(() => {}, 10, { clock });
      await vi.advanceTimersByTimeAsync(10);
      expect(unref).toHaveBeenCalledTimes(2);
    });

    it.each([
      ['a number, as in browsers and Deno', () => 7],
      ['undefined', () => undefined],
      ['an object without unref', () => ({})],
    ])('works when the clock hands out %s', async (_name, handle) => {
      const timers: (() => void)[] = [];
      const clock: Clock = {
        now: () => 0,
        setTimeout: (callback) => {
          timers.push(callback);
          return handle();
        },
        clearTimeout: () => {},
      };
      const callback = vi.fn();
      startTimer(callback, 10, { clock, unref: true });
      timers[0]!();
      expect(callback).toHaveBeenCalledTimes(1);
    });
  });

  describe("on the host's own timers", () => {
    it('unrefs a Node timer when asked, so that it does not keep the process alive', () => {
      const { clock, handles } = recordingClock();
      const cancelReleased = startTimer(() => {}, 60_000, { clock, unref: true });
      const cancelHeld = startTimer(() => {}, 60_000, { clock });
      const [released, held] = handles as ReturnType<typeof setTimeout>[];
      expect(released!.hasRef()).toBe(false);
      expect(held!.hasRef()).toBe(true);
      cancelReleased();
      cancelHeld();
    });

    it('turns keeping the process alive off and on again while it waits', () => {
      const { clock, handles } = recordingClock();
      const timer = startTimer(() => {}, 60_000, { clock });
      const [handle] = handles as ReturnType<typeof setTimeout>[];
      timer.keepProcessAlive(false);
      expect(handle!.hasRef()).toBe(false);
      timer.keepProcessAlive(true);
      expect(handle!.hasRef()).toBe(true);
      timer();
    });

    it('never makes the host clamp a delay, so no TimeoutOverflowWarning', async () => {
      const warnings: Error[] = [];
      const onWarning = (warning: Error) => warnings.push(warning);
      process.on('warning', onWarning);
      try {
        const cancels = [3e9, 2 ** 31, Infinity].map((delayMs) =>
          startTimer(() => {}, delayMs, { unref: true }),
        );
        for (const cancel of cancels) cancel();
        // Node delivers warnings on a later turn of the event loop.
        await new Promise((resolve) => setImmediate(resolve));
      } finally {
        process.off('warning', onWarning);
      }
      expect(warnings.map((warning) => warning.name)).not.toContain('TimeoutOverflowWarning');
    });
  });
});
