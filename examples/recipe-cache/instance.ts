import { type CacheStore, createCacheStage } from '@resilient-llm/cache';
import { createResilientOpenAI, type OpenAITarget } from '@resilient-llm/openai';
import OpenAI from 'openai';

/**
 * One instance of an app: the OpenAI SDK through resilient-llm, with a response cache
 * listed first in `stages`, so that a hit skips every other stage and sends no request.
 * The stage takes the client's binding and first target when the client is built: key
 * material, endpoint and API key of each request. Entries are keyed by an HMAC of the API
 * key: instances that share a store share entries when they are given the same
 * `fingerprintSecret`.
 */
export function createAppClient(baseURL: string, store: CacheStore, fingerprintSecret: string) {
  const primary: OpenAITarget = {
    id: 'primary',
    client: new OpenAI({ baseURL, apiKey: 'sk-demo' }),
  };
  const cache = createCacheStage({
    store,
    fingerprintSecret, // the same for every instance of the app
    ttlMs: 60_000,
  });
  return createResilientOpenAI({ targets: [primary], stages: [cache] });
}

/** The request every instance sends: deterministic (temperature 0), so it may be cached. */
export const question = {
  model: 'gpt-sim',
  temperature: 0,
  messages: [{ role: 'user' as const, content: 'What does a circuit breaker do?' }],
};
