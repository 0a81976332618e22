/** Opaque handle returned by {@link SimulatorClock.setTimeout}. */
export type SimulatorTimerHandle = unknown;

/**
 * The source of time for rate-limit windows, fault windows, time to first token and token
 * pacing. Inject your own (see {@link createManualClock}) to drive time in tests; the shape
 * matches `Clock` of `@resilient-llm/policies`, so one clock can serve both.
 */
export interface SimulatorClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once after `delayMs`. */
  setTimeout(callback: () => void, delayMs: number): SimulatorTimerHandle;
  /** Cancels a timer; unknown or spent handles are ignored. */
  clearTimeout(handle: SimulatorTimerHandle): void;
}

/** The host's clock: `Date.now` and the global timers, read at call time so fake timers apply. */
export const systemClock: SimulatorClock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => {
    const timer = globalThis.setTimeout(callback, delayMs);
    // A pending simulated delay must never keep a finished process alive.
    timer.unref?.();
    return timer;
  },
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
