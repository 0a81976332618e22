import { type Clock, systemClock, type TimerHandle } from './clock';
import { maxTimerDelayMs } from './timer-delay';

/** Options of {@link startTimer}. */
export interface TimerOptions {
  /** Source of time. Defaults to {@link systemClock}. */
  clock?: Clock;
  /**
   * Lets the process exit while the timer waits, by calling `unref()` on the clock's handle
   * where it has one (Node, Bun); where it has none (Deno, browsers, edge runtimes) nothing
   * changes. Set it on a timer that only bounds other pending work, never on a wait the
   * caller is itself awaiting. Defaults to `false`.
   */
  unref?: boolean;
}

/**
 * Calls `callback` once after `delayMs` on `clock`, and returns the function that cancels it
 * (idempotent; a no-op once the timer fired). Unlike a bare `setTimeout`, which hosts clamp
 * to 1 ms above 2^31-1 ms, any delay is honoured: a longer one is served as a chain of
 * timers, each re-measured against `clock.now()`, so it fires when the clock reaches its due
 * time and not before. `Infinity` sets no timer at all; a negative delay counts as 0.
 */
export function startTimer(
  callback: () => void,
  delayMs: number,
  { clock = systemClock, unref = false }: TimerOptions = {},
): () => void {
  if (delayMs === Infinity) return noop;
  let handle: TimerHandle;
  let pending = true;
  const fire = () => {
    pending = false;
    callback();
  };
  const arm = (waitMs: number, onDue: () => void) => {
    handle = clock.setTimeout(onDue, waitMs);
    if (unref) unrefHandle(handle);
  };
  if (delayMs > maxTimerDelayMs) {
    const dueAt = clock.now() + delayMs;
    const step = () => {
      const remainingMs = dueAt - clock.now();
      if (remainingMs <= 0) fire();
      else arm(Math.min(remainingMs, maxTimerDelayMs), step);
    };
    arm(maxTimerDelayMs, step);
  } else {
    arm(Math.max(0, delayMs), fire);
  }
  return () => {
    if (!pending) return;
    pending = false;
    clock.clearTimeout(handle);
  };
}

function unrefHandle(handle: TimerHandle): void {
  // Node and Bun hand out objects with `unref`; Deno and browsers hand out numbers.
  const { unref } = (handle ?? {}) as { unref?: unknown };
  if (typeof unref === 'function') unref.call(handle);
}

function noop(): void {}
