import type { SimulatorClock } from '../time/clock';

/**
 * Resolves `true` after `delayMs` on the clock, or `false` as soon as `signal` fires (the
 * client left or the server is closing). Zero waits resolve without a timer.
 */
export function wait(
  clock: SimulatorClock,
  delayMs: number,
  signal: AbortSignal,
): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (delayMs <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clock.clearTimeout(timer);
      resolve(false);
    };
    const timer = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, delayMs);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
