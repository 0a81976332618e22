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
  /**
   * Whether the deadline's timer keeps the process alive (it does from the start). Turn it
   * off while nobody awaits the work it bounds, e.g. a stream the caller holds but does not
   * read: a caller that let go of it lets the process exit.
   */
  keepProcessAlive(alive: boolean): void;
  /** Clears the timer and the listener on the parent signal. Idempotent. */
  dispose(): void;
}

/** Options of {@link createDeadline}. */
export interface DeadlineOptions {
  /** Time allowed from now, in milliseconds. Defaults to `Infinity` (`defaultDeadlineOptions.timeoutMs`): no limit. */
  timeoutMs?: number;
  /** The caller's signal; aborting it aborts the deadline's signal. Defaults to none. */
  signal?: AbortSignal;
  /** Source of time. Defaults to the system clock. */
  clock?: Clock;
}

/** The values {@link createDeadline} applies to the {@link DeadlineOptions} left out. */
export const defaultDeadlineOptions = { timeoutMs: Infinity } as const satisfies DeadlineOptions;

/**
 * Starts a deadline `timeoutMs` from now, joined with `signal`. Call `dispose()` when done.
 * Its timer keeps the process alive until `keepProcessAlive(false)`.
 */
export function createDeadline({
  timeoutMs = defaultDeadlineOptions.timeoutMs,
  signal,
  clock = systemClock,
}: DeadlineOptions = {}): Deadline {
  const controller = new AbortController();
  const expiresAt = clock.now() + timeoutMs;
  const timer = startTimer(
    () => controller.abort(new TimeoutError({ phase: 'total', timeoutMs })),
    timeoutMs,
    { clock },
  );
  const stopListening = onAbort(signal, () => controller.abort(signal!.reason));
  if (signal?.aborted) controller.abort(signal.reason);

  return {
    expiresAt,
    signal: controller.signal,
    remainingMs: () => Math.max(0, expiresAt - clock.now()),
    keepProcessAlive: (alive) => timer.keepProcessAlive(alive),
    dispose() {
      timer();
      stopListening();
    },
  };
}
