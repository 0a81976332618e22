import type { ManualClock } from '@resilient-llm/simulator';

/** Lets pending I/O (HTTP round trips on loopback) run before time moves on. */
export async function yieldToIo(rounds = 20): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Drives `promise` to completion on a manual clock shared by the simulator and the pipeline:
 * yields to I/O, and while the promise is still pending and timers wait, advances the clock
 * to the next one. Never waits on the wall clock.
 */
export async function settleWithClock<T>(
  clock: ManualClock,
  promise: Promise<T>,
  { maximumSteps = 10_000, stepMs = 50 }: { maximumSteps?: number; stepMs?: number } = {},
): Promise<T> {
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  // A rejection is reported by the final await, not as unhandled while we drive the clock.
  watched.catch(() => {});
  for (let step = 0; step < maximumSteps && !settled; step++) {
    await yieldToIo();
    if (settled) break;
    // Small steps: timers fire in order and requests issued at each step see the time of it.
    if (clock.pendingTimers() > 0) clock.advance(stepMs);
  }
  return watched;
}
