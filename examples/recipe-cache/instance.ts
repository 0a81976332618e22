import { type CacheStore, createCacheStage } from '@resilient-llm/cache';
import { createResilientModel } from '@resilient-llm/core';
import { createOpenAIBinding, type OpenAITarget } from '@resilient-llm/openai';
import OpenAI from 'openai';

/**
 * One instance of an app: a resilient model over the OpenAI binding with a response cache
 * listed first, so that a hit skips every other stage.
 */
export function createAppModel(baseURL: string, store: CacheStore) {
  const binding = createOpenAIBinding();
  const primary: OpenAITarget = {
    id: 'primary',
    client: new OpenAI({ baseURL, apiKey: 'sk-demo' }),
  };
  const cache = createCacheStage({ store, binding, target: primary, ttlMs: 60_000 });
  return createResilientModel({ binding, targets: [primary], stages: [cache] });
}

/** The request every instance asks: deterministic (temperature 0), so it may be cached. */
export const question = {
  endpoint: 'chat' as const,
  body: {
    model: 'gpt-sim',
    temperature: 0,
    messages: [{ role: 'user' as const, content: 'What does a circuit breaker do?' }],
  },
};
