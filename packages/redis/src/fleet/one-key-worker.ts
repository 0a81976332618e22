// One process of a fleet sharing one API key, run by many-processes-one-key.test.ts with
// runChild: builds createResilientOpenAI with the provider's published limit (on Redis when
// FLEET_REDIS_URL is set), waits for the fleet's common start, makes FLEET_CALLS calls at once,
// prints how they ended as one JSON line and exits.
import { createResilientOpenAI, type ResilientOpenAIOptions } from '@resilient-llm/openai';
import OpenAI from 'openai';

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const redisURL = process.env.FLEET_REDIS_URL;
const calls = Number(env('FLEET_CALLS'));
const options: ResilientOpenAIOptions = {
  targets: [
    { id: 'primary', client: new OpenAI({ baseURL: env('FLEET_BASE_URL'), apiKey: 'sk-fleet' }) },
  ],
  timeoutMs: Number(env('FLEET_DEADLINE_MS')),
  rateLimit: {
    requestsPerWindow: Number(env('FLEET_LIMIT')),
    windowMs: 1000,
    // What is tested is the sharing; falling back is the outage tests' business. On a loaded
    // machine a process stalls for longer than the default 100 ms now and then, which would
    // put it on local state: the timeout is raised for the fleet's state.
    shared: { timeoutMs: 2_000 },
  },
  circuitBreaker: { shared: { timeoutMs: 2_000 } },
};

async function withSharedState(url: string) {
  // Loaded only when shared: the local fleet never loads a Redis client.
  const [{ createClient }, { redisSharedState }] = await Promise.all([
    import('redis'),
    import('../index'),
  ]);
  const client = createClient({ url });
  await client.connect();
  const sharedState = redisSharedState({ client, keyPrefix: env('FLEET_PREFIX') });
  return {
    openai: createResilientOpenAI({ ...options, sharedState }),
    async close() {
      await sharedState.close?.();
      await client.quit();
    },
  };
}

const { openai, close } = redisURL
  ? await withSharedState(redisURL)
  : { openai: createResilientOpenAI(options), close: async () => {} };
let fallbacks = 0;
openai.on('shared-state-fallback', () => {
  fallbacks++;
});
await new Promise((resolve) =>
  setTimeout(resolve, Math.max(0, Number(env('FLEET_START_AT')) - Date.now())),
);
const settled = await Promise.allSettled(
  Array.from({ length: calls }, (_, index) =>
    openai.chat.completions.create({
      model: 'gpt-sim',
      messages: [{ role: 'user', content: `question ${index}` }],
    }),
  ),
);
await close();
const succeeded = settled.filter((outcome) => outcome.status === 'fulfilled').length;
console.log(JSON.stringify({ succeeded, failed: calls - succeeded, fallbacks }));
