// Recipe: many instances of an app on one API key. A launcher starts a provider allowing 10
// requests per second for the key, a redis-server, and four processes of the app that each
// make 15 calls at once: 60 calls, paced together to the key's limit.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '@resilient-llm/simulator';
import { startLocalRedis } from '../recipe-cache/redis-server.ts';

const INSTANCES = 4;
const CALLS_PER_INSTANCE = 15;
const provider = await startSimulator({
  seed: 3,
  defaultModel: {
    rateLimit: { kind: 'token-bucket', requestsPerWindow: 10, windowMs: 1_000 },
    latency: { firstTokenMedianMs: 20 },
  },
});
const redis = await startLocalRedis();

function startInstance(instance: number) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./instance.ts', import.meta.url))],
    {
      env: {
        ...process.env,
        PROVIDER_URL: provider.baseURL,
        REDIS_URL: redis.url,
        INSTANCE: String(instance),
        CALLS: String(CALLS_PER_INSTANCE),
      },
      stdio: 'inherit',
    },
  );
  return once(child, 'exit').then(([code]) => code as number | null);
}

try {
  const startedAt = performance.now();
  const exitCodes = await Promise.all(
    Array.from({ length: INSTANCES }, (_, index) => startInstance(index + 1)),
  );
  const { requests, rateLimited } = provider.stats();
  console.log(
    `${INSTANCES} instances in ${((performance.now() - startedAt) / 1000).toFixed(1)} s: ${requests} requests reached the provider, ${rateLimited} got a 429`,
  );
  // Without the shared state each process would spend the whole limit alone: about three in
  // four first attempts would get a 429. Together, at most a couple do (a permit granted just
  // after a refill can reach the provider just before its own bucket refills). An instance that
  // lost Redis for a moment (exit code 3, told on its output) paced alone meanwhile: its
  // 429s are the price of that moment, at most one per call it made.
  const fellBack = exitCodes.filter((code) => code === 3).length;
  const allowed = 2 + fellBack * CALLS_PER_INSTANCE;
  if (exitCodes.some((code) => code !== 0 && code !== 3) || rateLimited > allowed) {
    process.exitCode = 1;
  }
} finally {
  await redis.stop();
  await provider.close();
}
