import type { SimulatorClock } from '../time/clock';

/**
 * Waits `delayMs` on the clock; rejects with the signal's reason as soon as it fires. Without
 * a signal, an infinite delay never settles (a hang nobody can end), by design.
 */
export function delay(
  clock: SimulatorClock,
  delayMs: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (delayMs <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      if (timer !== undefined) clock.clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = Number.isFinite(delayMs)
      ? clock.setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, delayMs)
      : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
