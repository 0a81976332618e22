import type { StateStore } from '@resilient-llm/policies';
import { describe, expect, it } from 'vitest';

interface Sample {
  readonly state: string;
  readonly openedAt: number | null;
  readonly counts: readonly number[];
}

/**
 * The behaviour every {@link StateStore} must show; run it against each implementation with a
 * factory that returns an empty store.
 */
export function describeStateStoreConformance(
  name: string,
  createStore: () => StateStore<Sample>,
): void {
  describe(`${name} conforms to StateStore`, () => {
    it('returns undefined for a key never saved', async () => {
      expect(await createStore().load('missing')).toBeUndefined();
    });

    it('returns what was saved, equal but not the same object', async () => {
      const store = createStore();
      const state: Sample = { state: 'open', openedAt: 1000, counts: [1, 2, 3] };
      await store.save('target-a', state);
      const loaded = await store.load('target-a');
      expect(loaded).toEqual(state);
      expect(loaded).not.toBe(state);
    });

    it('keeps keys apart and replaces on save', async () => {
      const store = createStore();
      await store.save('target-a', { state: 'open', openedAt: 1, counts: [] });
      await store.save('target-b', { state: 'closed', openedAt: null, counts: [] });
      await store.save('target-a', { state: 'half-open', openedAt: 2, counts: [4] });
      expect((await store.load('target-a'))?.state).toBe('half-open');
      expect((await store.load('target-b'))?.state).toBe('closed');
    });
  });
}
