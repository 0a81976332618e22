import type { EventEmitter } from '../events/event';
import type { StateStore } from './state-store';

/**
 * Saves without waiting and without throwing: a store outage must not fail the calls the
 * policy protects, so failures go to `errors` instead.
 */
export function saveState<State>(
  store: StateStore<State> | undefined,
  key: string,
  state: State,
  errors: EventEmitter<unknown>,
): void {
  if (!store) return;
  try {
    const saving = store.save(key, state);
    if (saving instanceof Promise) saving.catch((error: unknown) => errors.emit(error));
  } catch (error) {
    errors.emit(error);
  }
}
