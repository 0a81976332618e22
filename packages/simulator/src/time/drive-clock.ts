import type { ManualClock } from './manual-clock';

/** Lets pending I/O and promise callbacks run: a few turns of the event loop, no timers. */
export async function yieldToIo(turns = 10): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Settles `work` while moving the shared manual clock: yields to I/O until nothing more
 * happens without time passing, then advances the clock by `stepMs` while timers are
 * pending. No wall-clock wait is involved; the clock moves only when everything waits on it.
 * @typeParam T What `work` resolves with, inferred from `work`; `driveClock` resolves with it too.
 */
export async function driveClock<T>(
  clock: ManualClock,
  work: Promise<T>,
  { stepMs = 50, maxSteps = 5_000 }: { stepMs?: number; maxSteps?: number } = {},
): Promise<T> {
  let settled = false;
  const tracked = work.finally(() => {
    settled = true;
  });
  tracked.catch(() => {});
  for (let step = 0; step < maxSteps && !settled; step++) {
    await yieldToIo();
    if (!settled && clock.pendingTimers() > 0) clock.advance(stepMs);
  }
  return tracked;
}

/** Yields to I/O until `condition` holds (e.g. the server saw a connection close). */
export async function waitForCondition(condition: () => boolean, maxTurns = 2_000): Promise<void> {
  for (let turn = 0; turn < maxTurns && !condition(); turn++) await yieldToIo(1);
  if (!condition()) throw new Error('The condition did not hold.');
}
