// One instance of the app, as each of its processes runs it: the OpenAI SDK through
// resilient-llm, the rate limit's state on Redis. Every instance built with the same target
// ids and key prefix paces to one limit for the whole key, and a 429 that one of them gets
// pauses them all.
import { createResilientOpenAI } from '@resilient-llm/openai';
import { createRedisClient, redisSharedState } from '@resilient-llm/redis';
import OpenAI from 'openai';

const { PROVIDER_URL, REDIS_URL, INSTANCE = '1', CALLS = '15' } = process.env;

// createRedisClient fails fast while Redis is down (no offline queue): the fleet's state is
// then skipped at once instead of waited for.
const redis = createRedisClient({
  url: REDIS_URL,
  onError: (error) => console.warn(`instance ${INSTANCE}: redis ${(error as Error).message}`),
});
await new Promise((ready) => redis.once('ready', ready));
const sharedState = redisSharedState({ client: redis, keyPrefix: 'myapp:' });

const openai = createResilientOpenAI({
  targets: [{ id: 'primary', client: new OpenAI({ baseURL: PROVIDER_URL, apiKey: 'sk-demo' }) }],
  // The key's published limit: for the whole fleet, not for each process.
  rateLimit: { requestsPerWindow: 10, windowMs: 1_000 },
  timeoutMs: 20_000,
  sharedState,
});
// Redis slow or gone: this process goes on from its own state, and joins the fleet again later.
let fellBack = false;
openai.on('shared-state-fallback', ({ policy, operation, error }) => {
  fellBack = true;
  console.warn(
    `instance ${INSTANCE}: ${policy} on local state (${operation} failed: ${(error as Error).message})`,
  );
});
openai.on('shared-state-rejoined', ({ policy }) =>
  console.warn(`instance ${INSTANCE}: ${policy} back on the fleet's state`),
);

const answers = await Promise.allSettled(
  Array.from({ length: Number(CALLS) }, (_, index) =>
    openai.chat.completions.create({
      model: 'gpt-sim',
      messages: [{ role: 'user', content: `Instance ${INSTANCE}, question ${index}` }],
    }),
  ),
);
const answered = answers.filter((answer) => answer.status === 'fulfilled').length;
console.log(`instance ${INSTANCE}: ${answered}/${answers.length} answered`);

// On shutdown: the shared state first, then the client you gave it.
await sharedState.close?.();
await redis.quit();
// 3: every call answered, but for a while this process paced alone (the launcher's check).
process.exitCode = answered < answers.length ? 1 : fellBack ? 3 : 0;
