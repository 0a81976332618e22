import type { StateStore } from './state-store';

/**
 * A {@link StateStore} in a `Map`: share one instance between policies in one process, or use
 * it in tests. Stores a structured clone so callers cannot change saved state by accident.
 * @typeParam State The JSON-serialisable snapshot a policy saves (a breaker's or a limiter's).
 */
export class MemoryStateStore<State> implements StateStore<State> {
  private readonly entries = new Map<string, State>();

  load(key: string): State | undefined {
    const state = this.entries.get(key);
    return state === undefined ? undefined : structuredClone(state);
  }

  save(key: string, state: State): void {
    this.entries.set(key, structuredClone(state));
  }
}
