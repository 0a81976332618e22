import { setupCachedModel } from '@resilient-llm/test-utils/cache-setup';
import { observedStore } from '@resilient-llm/test-utils/observed-store';
import { describe, expect, it, vi } from 'vitest';
import type { CacheStore } from '../store/cache-store';
import { MemoryCacheStore } from '../store/memory-cache-store';

/** A store whose operations fail (rejecting) while `down` is set, and work otherwise. */
function flakyStore() {
  const healthy = new MemoryCacheStore();
  const state = { down: true };
  const failOr =
    <T>(operation: () => T) =>
    () =>
      state.down ? Promise.reject(new Error('store down')) : Promise.resolve(operation());
  const store: CacheStore = {
    capabilities: healthy.capabilities,
    get: (key) => failOr(() => healthy.get(key))(),
    set: (key, value, options) => failOr(() => healthy.set(key, value, options))(),
    delete: (key) => failOr(() => healthy.delete(key))(),
  };
  return { store, state };
}

const steps = Array.from({ length: 8 }, (_, index) => ({ respond: `answer ${index + 1}` }));

describe('cache stage, the store breaker', () => {
  it('skips a failing store after 3 failures in a row, then probes it once after the cool-down', async () => {
    const flaky = flakyStore();
    const { store, calls } = observedStore(flaky.store);
    const { model, stage, clock, target } = setupCachedModel({ steps, store });
    const states: string[] = [];
    stage.on('cache-store-breaker', (event) => states.push(event.state));

    // get fails, set fails; get fails: open. That call's set is skipped.
    await model.generate({ prompt: 'one' });
    await model.generate({ prompt: 'two' });
    await vi.waitFor(() => expect(states).toEqual(['open']));
    expect(calls).toMatchObject({ get: 2, set: 1 });

    for (const prompt of ['three', 'four', 'five'])
      await expect(model.generate({ prompt })).resolves.toMatchObject({ targetId: 'a' });
    expect(calls).toMatchObject({ get: 2, set: 1 });
    expect(stage.stats().storeSkipped).toBe(7);

    flaky.state.down = false;
    clock.advance(5_000);
    await model.generate({ prompt: 'six' }); // the probe: a read that works
    await vi.waitFor(() => expect(stage.stats().writes).toBe(1));
    const hit = await model.generate({ prompt: 'six' });

    expect(states).toEqual(['open', 'half-open', 'closed']);
    expect(hit.targetId).toBe('cache');
    expect(calls).toMatchObject({ get: 4, set: 2 });
    expect(target.calls).toBe(6);
  });

  it('stops waiting for a store that does not answer once it opened', async () => {
    const hanging: CacheStore = {
      capabilities: { ttl: true, batch: false },
      get: () => new Promise(() => {}),
      set: () => new Promise(() => {}),
      delete: () => new Promise(() => {}),
    };
    const { store, calls } = observedStore(hanging);
    const { model, stage, clock } = setupCachedModel({ steps, store });
    const timeouts: string[] = [];
    stage.on('cache-store-error', (event) => timeouts.push(event.operation));

    // Each call's deadline and store read hold a timer; the second call's, the first one's write too.
    for (const [prompt, timers] of [
      ['one', 2],
      ['two', 3],
    ] as const) {
      const call = model.generate({ prompt });
      await vi.waitFor(() => expect(clock.pendingTimers()).toBe(timers));
      clock.advance(100);
      await expect(call).resolves.toMatchObject({ targetId: 'a' });
    }
    expect(timeouts).toEqual(['get', 'set', 'get']);

    // Open: the next calls answer without a store operation and without a store timer.
    for (const prompt of ['three', 'four'])
      await expect(model.generate({ prompt })).resolves.toMatchObject({ targetId: 'a' });
    expect(calls).toMatchObject({ get: 2, set: 1 });
    expect(clock.pendingTimers()).toBe(0);
  });

  it('can be switched off: every operation reaches the store', async () => {
    const flaky = flakyStore();
    const { store, calls } = observedStore(flaky.store);
    const { model } = setupCachedModel({ steps, store, cache: { storeBreaker: false } });

    for (const prompt of ['one', 'two', 'three', 'four']) await model.generate({ prompt });

    await vi.waitFor(() => expect(calls).toMatchObject({ get: 4, set: 4 }));
  });
});
