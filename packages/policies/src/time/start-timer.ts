import { type Clock, systemClock, type TimerHandle } from './clock';
import { maxTimerDelayMs } from './timer-delay';

/** Options of {@link startTimer}. */
export interface TimerOptions {
  /** Source of time. Defaults to {@link systemClock}. */
  clock?: Clock;
  /**
   * Lets the process exit while the timer waits, by calling `unref()` on the clock's handle
   * where it has one (Node, Bun); where it has none (Deno, browsers, edge runtimes) nothing
   * changes. Set it only on a timer that bounds work nobody is awaiting (an unread stream),
   * never on a wait the caller is itself awaiting: an in-process model that hangs holds no
   * handle, so the process would exit under the caller's `await`. Defaults to `false`
   * (`defaultTimerOptions.unref`).
   * {@link Timer.keepProcessAlive} changes it later.
   */
  unref?: boolean;
}

/** The values {@link startTimer} applies to the {@link TimerOptions} left out. */
export const defaultTimerOptions = { unref: false } as const satisfies TimerOptions;

/** A timer started by {@link startTimer}: call it to cancel it. */
export interface Timer {
  /** Cancels the timer. Idempotent; a no-op once it fired. */
  (): void;
  /** Whether the timer keeps the process alive from now on (see {@link TimerOptions.unref}). */
  keepProcessAlive(alive: boolean): void;
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
  { clock = systemClock, unref = defaultTimerOptions.unref }: TimerOptions = {},
): Timer {
  if (delayMs === Infinity) return Object.assign(noop, { keepProcessAlive: noop });
  let handle: TimerHandle;
  let pending = true;
  let alive = !unref;
  const fire = () => {
    pending = false;
    callback();
  };
  const arm = (waitMs: number, onDue: () => void) => {
    handle = clock.setTimeout(onDue, waitMs);
    if (!alive) setRef(handle, false);
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
  const cancel = () => {
    if (!pending) return;
    pending = false;
    clock.clearTimeout(handle);
  };
  return Object.assign(cancel, {
    keepProcessAlive(keep: boolean) {
      if (keep === alive) return;
      alive = keep;
      if (pending) setRef(handle, keep);
    },
  });
}

function setRef(handle: TimerHandle, ref: boolean): void {
  // Node and Bun hand out objects with `ref`/`unref`; Deno and browsers hand out numbers.
  const method = ((handle ?? {}) as Record<string, unknown>)[ref ? 'ref' : 'unref'];
  if (typeof method === 'function') method.call(handle);
}

function noop(): void {}
