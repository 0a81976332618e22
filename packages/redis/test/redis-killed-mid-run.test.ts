import { createResilientOpenAI } from '@resilient-llm/openai';
import { type RunningSimulator, startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRedisClient, redisSharedState } from '../src/index';
import { findRedisServer, type RedisServer, startRedisServer } from './redis-server';

// A model whose rate limit and breaker live on a real redis-server, calling the simulator over
// HTTP: Redis is killed (SIGKILL) between two waves of calls and restarted on the same port
// before a third. Bounded load: 3 waves of 20 calls.
const binary = findRedisServer();
const WAVE = 20;

describe.skipIf(!binary && process.env.CI !== 'true')(
  'Redis killed (kill -9) and restarted while a model shares its state there',
  () => {
    let redis: RedisServer | undefined;
    let simulator: RunningSimulator | undefined;
    afterEach(async () => {
      await redis?.kill();
      await simulator?.close();
    });

    it('settles every call, and none fails because of Redis', async () => {
      if (!binary)
        throw new Error('redis-server is not installed: run scripts/install-services.sh');
      redis = await startRedisServer(binary);
      simulator = await startSimulator({ seed: 11 });
      const client = createRedisClient({ url: redis.url });
      await vi.waitFor(() => expect(client.isReady).toBe(true), { timeout: 5_000 });
      const sharedState = redisSharedState({ client, keyPrefix: `killed-${crypto.randomUUID()}:` });
      const openai = createResilientOpenAI({
        targets: [
          { id: 'primary', client: new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test' }) },
        ],
        rateLimit: { requestsPerWindow: 1_000, windowMs: 1_000 },
        sharedState,
      });
      const fallbacks: string[] = [];
      openai.on('shared-state-fallback', (event) => fallbacks.push(event.policy));
      const wave = async (name: string) =>
        Promise.allSettled(
          Array.from({ length: WAVE }, (_, index) =>
            openai.chat.completions.create({
              model: 'gpt-sim',
              messages: [{ role: 'user', content: `${name} ${index}` }],
            }),
          ),
        );

      const before = await wave('before');
      await redis.kill();
      await vi.waitFor(() => expect(client.isReady).toBe(false), { timeout: 5_000 });
      const during = await wave('during');
      const fallbacksWhileDown = fallbacks.length;
      redis = await startRedisServer(binary, redis.port);
      await vi.waitFor(() => expect(client.isReady).toBe(true), { timeout: 10_000 });
      const after = await wave('after');

      for (const outcomes of [before, during, after]) {
        expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(WAVE).fill('fulfilled'));
      }
      expect(simulator.stats().requests).toBe(3 * WAVE);
      // The model noticed Redis was gone and went on from local state.
      expect(fallbacksWhileDown).toBeGreaterThan(0);
      await sharedState.close();
      client.destroy();
    }, 60_000);
  },
);
