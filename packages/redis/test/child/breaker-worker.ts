// One process of a fleet sharing one provider's circuit breaker on Redis, run by
// fleet-breaker.test.ts with runChild: builds createResilientOpenAI with the shared state,
// waits for BREAKER_START_AT, makes BREAKER_CALLS calls one after the other, prints how each
// ended (and when the last one settled) as one JSON line, and exits.
import { AllTargetsFailedError, BrokenCircuitError } from '@resilient-llm/core';
import { createResilientOpenAI } from '@resilient-llm/openai';
import OpenAI from 'openai';
import { createClient } from 'redis';
import { redisSharedState } from '../../src/index';

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const client = createClient({ url: env('BREAKER_REDIS_URL') });
await client.connect();
const sharedState = redisSharedState({ client, keyPrefix: env('BREAKER_PREFIX') });
const openai = createResilientOpenAI({
  targets: [
    { id: 'primary', client: new OpenAI({ baseURL: env('BREAKER_BASE_URL'), apiKey: 'sk-fleet' }) },
  ],
  retry: false,
  rateLimit: false,
  circuitBreaker: {
    halfOpenAfterMs: Number(env('BREAKER_OPEN_MS')),
    // What is tested is the sharing; falling back is the outage tests' business. On a loaded
    // machine a process stalls for longer than the default 100 ms now and then, which would put
    // it on a breaker of its own: the timeout is raised for the fleet's state.
    shared: { timeoutMs: 2_000 },
  },
  sharedState,
});

/** How one call ended: answered, refused by the open circuit, or failed at the provider. */
function outcomeOf(error: unknown): string {
  const failure = AllTargetsFailedError.isInstance(error) ? error.failures[0]?.failure : undefined;
  if (BrokenCircuitError.isInstance(error) || failure?.refusal === 'circuit-open')
    return 'circuit-open';
  return 'failed';
}

await new Promise((resolve) =>
  setTimeout(resolve, Math.max(0, Number(env('BREAKER_START_AT')) - Date.now())),
);
const outcomes: string[] = [];
for (let call = 0; call < Number(env('BREAKER_CALLS')); call++) {
  outcomes.push(
    await openai.chat.completions
      .create({ model: 'gpt-sim', messages: [{ role: 'user', content: `question ${call}` }] })
      .then(() => 'ok', outcomeOf),
  );
}
const settledAt = Date.now();
await sharedState.close?.();
await client.quit();
console.log(JSON.stringify({ outcomes, settledAt }));
