import { abortError, onAbort } from './abort';
import { type Clock, systemClock } from './clock';
import { startTimer } from './start-timer';

/** Options of {@link sleep}. */
export interface SleepOptions {
  /** Rejects the wait at once with `AbortedError` and clears its timer. Defaults to none. */
  signal?: AbortSignal;
  /** Source of time. Defaults to {@link systemClock}. */
  clock?: Clock;
}

/**
 * Waits `delayMs` milliseconds. Abortable: when `signal` fires the timer is cleared and the
 * promise rejects with `AbortedError`. A delay of 0 or less resolves on the next tick;
 * `Infinity` waits for the signal alone. The timer keeps the process alive, since the
 * caller is awaiting the wait itself (a retry's backoff).
 */
export function sleep(
  delayMs: number,
  { signal, clock = systemClock }: SleepOptions = {},
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const stopListening = onAbort(signal, () => {
      cancelTimer();
      reject(abortError(signal!));
    });
    const cancelTimer = startTimer(
      () => {
        stopListening();
        resolve();
      },
      delayMs,
      { clock },
    );
  });
}
