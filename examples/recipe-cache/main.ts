// Recipe: cache responses in memory, then share the cache across instances with Redis.
// The OpenAI SDK through resilient-llm, with a cache stage: an identical request is answered
// from the cache (targetId 'cache', 0 attempts); with a Redis store, an answer one instance
// paid for is free for the other.
import { MemoryCacheStore } from '@resilient-llm/cache';
import { getProvenance } from '@resilient-llm/openai';
import { createRedisClient, RedisCacheStore } from '@resilient-llm/redis';
import { startSimulator } from '@resilient-llm/simulator';
import { createAppClient, question } from './instance.ts';
import { startLocalRedis } from './redis-server.ts';

const provider = await startSimulator({ seed: 9 });
// In production every instance reads the same secret from its configuration.
const fingerprintSecret = process.env.CACHE_FINGERPRINT_SECRET ?? crypto.randomUUID();

// In memory: one process, one cache.
const memory = new MemoryCacheStore({ maxEntries: 1_000 });
const openai = createAppClient(provider.baseURL, memory, fingerprintSecret);
for (const round of [1, 2]) {
  const completion = await openai.chat.completions.create(question);
  const { targetId, attempts } = getProvenance(completion)!;
  console.log(`memory, call ${round}: answered by ${targetId} after ${attempts} attempts`);
}

// On Redis: two instances (two models, two clients), one shared cache. createRedisClient
// fails fast while Redis is down (no offline queue); the recipe waits for the connections.
const redis = await startLocalRedis();
const clients = [1, 2].map(() =>
  createRedisClient({
    url: redis.url,
    onError: (error) => console.warn('redis', (error as Error).message),
  }),
);
try {
  await Promise.all(clients.map((client) => new Promise((ready) => client.once('ready', ready))));
  const instances = clients.map((client) =>
    createAppClient(
      provider.baseURL,
      new RedisCacheStore({ client, keyPrefix: 'recipe:' }),
      fingerprintSecret,
    ),
  );
  for (const [index, instance] of instances.entries()) {
    const completion = await instance.chat.completions.create(question);
    const { targetId, attempts } = getProvenance(completion)!;
    console.log(`redis, instance ${index + 1}: answered by ${targetId} after ${attempts} attempts`);
    // The cache writes without delaying the caller: give the write a moment to land.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  console.log(`requests that reached the provider: ${provider.stats().requests}`);
  if (provider.stats().requests !== 2) process.exitCode = 1;
} finally {
  for (const client of clients) client.destroy();
  await redis.stop();
  await provider.close();
}
