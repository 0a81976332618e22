import { setupCachedModel } from '@resilient-llm/test-utils/cache-setup';
import { describe, expect, it } from 'vitest';
import { MemoryCacheStore } from '../store/memory-cache-store';

const steps = Array.from({ length: 4 }, (_, index) => ({ respond: `answer ${index + 1}` }));

describe('cache stage, credentials in the key', () => {
  it("keeps a call with its own credential apart from the target's, and shares within each", async () => {
    const { model, target } = setupCachedModel({ steps });

    const own = await model.generate({ prompt: 'hi' });
    const forwarded = await model.generate({ prompt: 'hi', apiKey: 'sk-other' });

    expect(forwarded.response).not.toBe(own.response);
    expect((await model.generate({ prompt: 'hi', apiKey: 'sk-other' })).response).toBe(
      forwarded.response,
    );
    expect((await model.generate({ prompt: 'hi' })).response).toBe(own.response);
    expect(target.calls).toBe(2);
  });

  it('goes upstream uncached when the scope of a request throws or names no credentials', async () => {
    for (const scope of [
      () => {
        throw new Error('no key configured');
      },
      () => ({ endpoint: 'https://api.example/v1' }) as never,
    ]) {
      const { model, target, stage } = setupCachedModel({ steps, cache: { scope } });
      const reasons: string[] = [];
      stage.on('cache-bypass', (event) => reasons.push(event.reason));

      await model.generate({ prompt: 'hi' });
      await model.generate({ prompt: 'hi' });

      expect(target.calls).toBe(2);
      expect(reasons).toEqual(['uncacheable-request', 'uncacheable-request']);
    }
  });

  it('shares entries between stages of one fingerprintSecret, and only those', async () => {
    const store = new MemoryCacheStore();
    const fleetSecret = 'the secret every process of the fleet shares';
    const writer = setupCachedModel({ steps, store, cache: { fingerprintSecret: fleetSecret } });
    const sameFleet = setupCachedModel({ steps, store, cache: { fingerprintSecret: fleetSecret } });
    const otherFleet = setupCachedModel({
      steps,
      store,
      cache: { fingerprintSecret: 'a secret of some other deployment' },
    });

    await writer.model.generate({ prompt: 'hi' });

    expect((await sameFleet.model.generate({ prompt: 'hi' })).targetId).toBe('cache');
    expect((await otherFleet.model.generate({ prompt: 'hi' })).targetId).toBe('a');
  });
});
