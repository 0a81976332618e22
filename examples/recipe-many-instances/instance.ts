// One instance of the app, as each of its processes runs it: the OpenAI SDK through
// resilient-llm, the rate limit's state on Redis. Every instance built with the same target
// ids and `prefix` paces to one limit for the whole key, and a 429 that one of them gets
// pauses them all.
import { createResilientOpenAI } from '@resilient-llm/openai';
import { redisSharedState } from '@resilient-llm/redis';
import OpenAI from 'openai';
import { createClient } from 'redis';

const { PROVIDER_URL, REDIS_URL, INSTANCE = '1', CALLS = '15' } = process.env;

const redis = createClient({ url: REDIS_URL });
redis.on('error', (error: Error) => console.warn(`instance ${INSTANCE}: redis ${error.message}`));
await redis.connect();
const sharedState = redisSharedState({ client: redis, prefix: 'myapp:' });

const openai = createResilientOpenAI({
  targets: [{ id: 'primary', client: new OpenAI({ baseURL: PROVIDER_URL, apiKey: 'sk-demo' }) }],
  // The key's published limit: for the whole fleet, not for this process.
  rateLimit: { requestsPerWindow: 10, windowMs: 1_000 },
  timeoutMs: 20_000,
  sharedState,
});

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
process.exitCode = answered === answers.length ? 0 : 1;
