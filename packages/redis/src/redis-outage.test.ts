import { setupCachedModel } from '@resilient-llm/test-utils/cache-setup';
import { collect } from '@resilient-llm/test-utils/scripted-binding';
import { createClient } from 'redis';
import { expect, it, vi } from 'vitest';
import { describeWithRedis } from '../test/describe-with-redis';
import { RedisCacheStore } from './redis-cache-store';

// Each block starts its own redis-server, so killing it harms no other test.

describeWithRedis('a cached model when redis-server is killed mid-run', (server) => {
  it('keeps answering from upstream; reads fail at once without an offline queue', async () => {
    const client = createClient({ url: server().url, disableOfflineQueue: true });
    client.on('error', () => {});
    await client.connect();
    const { model, target, stage } = setupCachedModel({
      steps: [{ respond: 'one' }, { respond: 'two' }, { respond: 'three' }],
      store: new RedisCacheStore({ client, keyPrefix: 'outage:' }),
    });
    const storeErrors: string[] = [];
    stage.on('cache-store-error', (event) => storeErrors.push(event.operation));
    try {
      const written = new Promise((resolve) => stage.on('cache-write', resolve));
      await model.generate({ prompt: 'hi' });
      await written;
      expect((await model.generate({ prompt: 'hi' })).targetId).toBe('cache');

      await server().kill();
      await vi.waitFor(() => expect(client.isReady).toBe(false));

      await expect(model.generate({ prompt: 'hi' })).resolves.toMatchObject({
        response: 'two <- hi',
        targetId: 'a',
      });
      await expect(model.generate({ prompt: 'other' })).resolves.toMatchObject({
        response: 'three <- other',
      });
      expect(target.calls).toBe(3);
      expect(storeErrors).toContain('get');
    } finally {
      client.destroy();
    }
  });
});

describeWithRedis('a streaming cached model when redis-server is killed', (server) => {
  it('keeps answering; a read queued for a reconnect gives way after storeTimeoutMs', async () => {
    const client = createClient({ url: server().url });
    client.on('error', () => {});
    await client.connect();
    const { model, target, stage, clock } = setupCachedModel({
      steps: [
        { stream: [{ type: 'text', text: 'a' }, { type: 'finish' }] },
        { stream: [{ type: 'text', text: 'b' }, { type: 'finish' }] },
      ],
      store: new RedisCacheStore({ client, keyPrefix: 'outage-stream:' }),
      cache: { storeTimeoutMs: 200 },
    });
    try {
      const written = new Promise((resolve) => stage.on('cache-write', resolve));
      await collect((await model.stream({ prompt: 'hi' })).stream);
      await written;
      const replay = await model.stream({ prompt: 'hi' });
      expect(replay.targetId).toBe('cache');
      expect(await collect(replay.stream)).toEqual([
        { type: 'text', text: 'a' },
        { type: 'finish' },
      ]);

      await server().kill();
      await vi.waitFor(() => expect(client.isReady).toBe(false));
      const call = model.stream({ prompt: 'hi' });
      // The call's deadline and the pending store read each hold one timer on the manual clock.
      await vi.waitFor(() => expect(clock.pendingTimers()).toBe(2));
      clock.advance(200);

      const fresh = await call;
      expect(fresh.targetId).toBe('a');
      expect(await collect(fresh.stream)).toEqual([
        { type: 'text', text: 'b' },
        { type: 'finish' },
      ]);
      expect(target.calls).toBe(2);
      expect(stage.stats().errors).toBeGreaterThanOrEqual(1);
    } finally {
      client.destroy();
    }
  });
});
