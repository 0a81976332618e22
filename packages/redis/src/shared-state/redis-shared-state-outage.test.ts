import { TimeoutError } from '@resilient-llm/policies';
import { createManualClock } from '@resilient-llm/simulator';
import { createClient } from 'redis';
import { expect, it, vi } from 'vitest';
import { describeWithRedis } from '../../test/describe-with-redis';
import { createRedisClient } from '../create-redis-client';
import { redisSharedState } from './redis-shared-state';

// Each block starts its own redis-server, so freezing or killing it harms no other test.

const limits = {
  requestsPerWindow: 5,
  tokensPerWindow: Infinity,
  windowMs: 1_000,
  refillMode: 'continuous',
} as const;
const take = { op: 'take', tokens: 0, reserveRequests: 0 } as const;

describeWithRedis('redisSharedState when redis-server is frozen', (server) => {
  it('rejects each operation after operationTimeoutMs, on the clock, and recovers', async () => {
    // node-redis's own defaults: commands wait for an answer, however long.
    const client = createClient({ url: server().url });
    client.on('error', () => {});
    await client.connect();
    const clock = createManualClock(0);
    const shared = redisSharedState({
      client,
      keyPrefix: 'frozen:',
      operationTimeoutMs: 200,
      clock,
    });
    try {
      expect((await shared.rateLimit('rate-limit:a', limits, [take], 0)).granted).toBe(true);
      expect(clock.pendingTimers()).toBe(0);

      server().freeze();
      const permit = shared.rateLimit('rate-limit:a', limits, [take], 0);
      const subscription = shared.onBreakerChange(() => {});
      await vi.waitFor(() => expect(clock.pendingTimers()).toBe(2));
      clock.advance(200);
      for (const operation of [permit, subscription]) {
        await expect(operation).rejects.toSatisfy(
          (error) =>
            TimeoutError.isInstance(error) &&
            error.phase === 'shared-state' &&
            error.timeoutMs === 200,
        );
      }
      expect(clock.pendingTimers()).toBe(0);

      server().thaw();
      const listening = await shared.onBreakerChange(() => {});
      listening.dispose();
      const result = await shared.rateLimit('rate-limit:a', limits, [take], 0);
      // The permit that timed out was taken once Redis answered: the fleet's count is true.
      expect(result.state.requests.level).toBe(2);
    } finally {
      server().thaw();
      await shared.close();
      client.destroy();
    }
  });
});

describeWithRedis('redisSharedState when redis-server is killed', (server) => {
  it('rejects at once with a client from createRedisClient, holding no timer', async () => {
    const client = createRedisClient({ url: server().url });
    const clock = createManualClock(0);
    const shared = redisSharedState({ client, keyPrefix: 'killed:', clock });
    try {
      await vi.waitFor(() => expect(client.isReady).toBe(true));
      await shared.openBreaker('breaker:a', 1_000, 0);
      await server().kill();
      await vi.waitFor(() => expect(client.isReady).toBe(false));
      await expect(shared.rateLimit('rate-limit:a', limits, [take], 0)).rejects.toThrow(
        'The client is offline',
      );
      await expect(shared.readBreaker('breaker:a', 0)).rejects.toThrow('The client is offline');
      await expect(shared.leaseProbe('breaker:a', 2_000, 1_000)).rejects.toThrow(
        'The client is offline',
      );
      expect(clock.pendingTimers()).toBe(0);
    } finally {
      await shared.close();
      client.destroy();
    }
  });
});
