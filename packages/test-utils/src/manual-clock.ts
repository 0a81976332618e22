import type { Clock } from '@resilient-llm/policies';

/** A clock that moves only when told; its timers fire as `advance` passes their time. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  /** Timers not yet fired or cleared. */
  readonly pendingTimers: number;
}

/** A {@link ManualClock} starting at `start` epoch milliseconds. */
export function manualClock(start = 1_000_000): ManualClock {
  let now = start;
  let nextHandle = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, delayMs) {
      const handle = nextHandle++;
      timers.set(handle, { at: now + delayMs, callback });
      return handle;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [handle, timer] of [...timers].sort(([, a], [, b]) => a.at - b.at)) {
        if (timer.at > now) continue;
        timers.delete(handle);
        timer.callback();
      }
    },
    get pendingTimers() {
      return timers.size;
    },
  };
}
