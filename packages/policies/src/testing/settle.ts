import { vi } from 'vitest';

/** The outcome of a promise, captured so a test can assert on it without an unhandled rejection. */
export type Outcome<T> = { status: 'pending' } | { status: 'fulfilled'; value: T } | { status: 'rejected'; reason: unknown };

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

/** Runs fake timers until `promise` settles and returns its outcome. */
export async function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  const tracker = track(promise);
  await vi.runAllTimersAsync();
  return tracker.outcome;
}

/** Runs fake timers until `promise` settles and returns the rejection reason (fails if it fulfilled). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  const outcome = await settle(promise);
  if (outcome.status !== 'rejected') throw new Error(`expected a rejection, got ${outcome.status}`);
  return outcome.reason;
}
