import { TimeoutError } from '../errors/timeout-error';
import { onAbort } from './abort';
import { type Clock, systemClock } from './clock';
import { startTimer } from './start-timer';

/** A point in time after which work must stop, joined with the caller's signal. */
export interface Deadline {
  /** Epoch milliseconds at which the deadline passes; `Infinity` when there is none. */
  readonly expiresAt: number;
  /** Fires when the deadline passes (reason: `TimeoutError` of phase `total`) or the parent signal fires (its reason). */
  readonly signal: AbortSignal;
  /** Milliseconds left, never negative; `Infinity` when there is no deadline. */
  remainingMs(): number;
  /** Clears the timer and the listener on the parent signal. Idempotent. */
  dispose(): void;
}

/** Options of {@link createDeadline}. */
export interface DeadlineOptions {
  /** Time allowed from now. Defaults to no limit. */
  timeoutMs?: number;
  /** The caller's signal; aborting it aborts the deadline's signal. */
  signal?: AbortSignal;
  /** Source of time. Defaults to the system clock. */
  clock?: Clock;
}

/**
 * Starts a deadline `timeoutMs` from now, joined with `signal`. Call `dispose()` when done.
 * Its timer does not keep the process alive (it is unref'd where the host allows).
 */
export function createDeadline({
  timeoutMs = Infinity,
  signal,
  clock = systemClock,
}: DeadlineOptions = {}): Deadline {
  const controller = new AbortController();
  const expiresAt = clock.now() + timeoutMs;
  // The deadline only bounds work that is pending elsewhere, so it never keeps the process
  // alive: a caller that let go of that work (an unread stream) lets the process exit.
  const cancelTimer = startTimer(
    () => controller.abort(new TimeoutError({ phase: 'total', timeoutMs })),
    timeoutMs,
    { clock, unref: true },
  );
  const stopListening = onAbort(signal, () => controller.abort(signal!.reason));
  if (signal?.aborted) controller.abort(signal.reason);

  return {
    expiresAt,
    signal: controller.signal,
    remainingMs: () => Math.max(0, expiresAt - clock.now()),
    dispose() {
      cancelTimer();
      stopListening();
    },
  };
}
