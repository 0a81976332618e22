import type { SimulatorClock } from './clock';

/** A clock that only moves when told to: for tests of windows, resets and pacing. */
export interface ManualClock extends SimulatorClock {
  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void;
  /** Number of timers still waiting. */
  pendingTimers(): number;
}

interface PendingTimer {
  readonly id: number;
  readonly dueAt: number;
  readonly callback: () => void;
}

/** Creates a {@link ManualClock} starting at `startMs`. Defaults to 0. */
export function createManualClock(startMs = 0): ManualClock {
  let now = startMs;
  let nextId = 1;
  const timers = new Map<number, PendingTimer>();

  const nextDue = (limit: number): PendingTimer | undefined => {
    let earliest: PendingTimer | undefined;
    for (const timer of timers.values()) {
      if (timer.dueAt <= limit && (!earliest || timer.dueAt < earliest.dueAt)) earliest = timer;
    }
    return earliest;
  };

  return {
    now: () => now,
    setTimeout(callback, delayMs) {
      const id = nextId++;
      timers.set(id, { id, dueAt: now + Math.max(0, delayMs), callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const target = now + ms;
      for (let timer = nextDue(target); timer; timer = nextDue(target)) {
        timers.delete(timer.id);
        now = timer.dueAt;
        timer.callback();
      }
      now = target;
    },
    pendingTimers: () => timers.size,
  };
}
