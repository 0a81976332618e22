/**
 * A value or a promise of it: memory stores answer at once, remote stores asynchronously.
 * @typeParam T The value, given at once or by a promise.
 */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Where a breaker or rate limiter keeps its state so that it outlives a process or is shared
 * by many (e.g. Redis). Deliberately small: policies keep their working state in memory, write
 * a JSON-serialisable snapshot on each significant change (`save`), and read it back on
 * `hydrate()` (`load`). Either method may be sync or async; errors are reported, not thrown,
 * by the policy that calls `save`.
 * @typeParam State The JSON-serialisable snapshot a policy saves (a breaker's or a limiter's).
 */
export interface StateStore<State> {
  /** The state saved under `key`, or `undefined` when there is none. */
  load(key: string): MaybePromise<State | undefined>;
  /** Saves `state` under `key`, replacing what was there. */
  save(key: string, state: State): MaybePromise<void>;
}

/** What a policy calls on its store: an object given as `store` must have these. */
export const stateStoreMethods = [
  'load',
  'save',
] as const satisfies readonly (keyof StateStore<unknown>)[];
