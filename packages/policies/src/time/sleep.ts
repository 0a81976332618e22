import { abortError, onAbort } from './abort';
import { type Clock, systemClock } from './clock';

/** Options of {@link sleep}. */
export interface SleepOptions {
  /** Rejects the wait at once with `AbortedError` and clears its timer. */
  signal?: AbortSignal;
  /** Source of time. Defaults to {@link systemClock}. */
  clock?: Clock;
}

/**
 * Waits `delayMs` milliseconds. Abortable: when `signal` fires the timer is cleared and the
 * promise rejects with `AbortedError`. A delay of 0 or less resolves on the next tick.
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
      clock.clearTimeout(timer);
      reject(abortError(signal!));
    });
    const timer = clock.setTimeout(
      () => {
        stopListening();
        resolve();
      },
      Math.max(0, delayMs),
    );
  });
}
