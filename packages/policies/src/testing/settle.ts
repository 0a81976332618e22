import { vi } from 'vitest';

/** The outcome of a promise, captured so a test can assert on it without an unhandled rejection. */
export type Outcome<T> =
  | { status: 'pending' }
  | { status: 'fulfilled'; value: T }
  | { status: 'rejected'; reason: unknown };

/** Tracks a promise's outcome as it settles. */
export function track<T>(promise: Promise<T>): { readonly outcome: Outcome<T> } {
  const tracker: { outcome: Outcome<T> } = { outcome: { status: 'pending' } };
  promise.then(
    (value) => {
      tracker.outcome = { status: 'fulfilled', value };
    },
    (reason: unknown) => {
      tracker.outcome = { status: 'rejected', reason };
    },
  );
  return tracker;
}

/**
 * Advances fake timers one at a time until `promise` settles, and returns its outcome; timers
 * still pending afterwards are left alone, so a test can check that none leaked. Returns a
 * pending outcome when no timer is left that could settle it (the call hangs).
 */
export async function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  const tracker = track(promise);
  for (;;) {
    await flushMicrotasks();
    if (tracker.outcome.status !== 'pending' || vi.getTimerCount() === 0) return tracker.outcome;
    await vi.advanceTimersToNextTimerAsync();
  }
}

// Long promise chains (several nested policies) need more than the few turns fake timers give.
async function flushMicrotasks(): Promise<void> {
  for (let turn = 0; turn < 100; turn++) await Promise.resolve();
}

/** Runs fake timers until `promise` settles and returns the rejection reason (fails if it fulfilled). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await settle(promise);
  if (outcome.status !== 'rejected') throw new Error(`expected a rejection, got ${outcome.status}`);
  return outcome.reason;
}

/** A promise that resolves once `done()` was called `count` times (at once when `count` is 0). */
export function countdown(count: number): { done(): void; readonly promise: Promise<void> } {
  let left = count;
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  if (left === 0) resolve();
  return {
    done() {
      if (--left === 0) resolve();
    },
    promise,
  };
}
