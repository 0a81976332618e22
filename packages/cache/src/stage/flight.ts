import type { CacheEntry } from '../entry/cache-entry';

/**
 * How a call in flight ended, for the identical calls that waited on it: a stored (or just
 * recorded) entry, a fresh response, or "try again yourselves" (the leading caller gave up or
 * its stream could not be recorded). A failed call rejects instead.
 */
export type FlightResult =
  | { readonly type: 'entry'; readonly entry: CacheEntry; readonly text: string }
  | { readonly type: 'outcome'; readonly outcome: unknown; readonly text: string | undefined }
  | { readonly type: 'retry' };

/** A promise of a {@link FlightResult} and the functions that settle it. */
export interface Flight {
  readonly promise: Promise<FlightResult>;
  resolve(result: FlightResult): void;
  reject(error: unknown): void;
}

/** A new, unsettled flight; its rejection is never reported as unhandled. */
export function createFlight(): Flight {
  let resolve!: (result: FlightResult) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<FlightResult>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}
