import { createOpenAI } from '@ai-sdk/openai';
import { createResilientModel } from '@resilient-llm/ai-sdk';
import { type CacheStageOptions, type CacheStore, createCacheStage } from '@resilient-llm/cache';
import type { Clock } from '@resilient-llm/core';
import { createResilientOpenAI, type OpenAITarget } from '@resilient-llm/openai';
import OpenAI from 'openai';

// The setups below are the ones the cache README shows under "With the OpenAI SDK" and "With the
// AI SDK": keep them in step. `clock` is for the tests only: it drives TTLs without waiting.

/** What a test may vary in a cached client: the clock, the client's API key, more cache options. */
export interface CachedClientOptions {
  clock?: Clock;
  /** The API key of the client. Defaults to `sk-test`. */
  apiKey?: string;
  /** More options of the cache stage. */
  cache?: Pick<
    CacheStageOptions<unknown, unknown, unknown>,
    | 'shareAcrossCredentials'
    | 'fingerprintSecret'
    | 'encryptionKey'
    | 'storeBreaker'
    | 'storeTimeoutMs'
  >;
}

/**
 * A resilient OpenAI client on one simulated channel, with the cache stage first: given its
 * store, it takes the adapter's binding and first target at setup. A call controls the cache
 * with the `cache` per-call option: `create(body, withCallOptions({ cache: { refresh: true } }))`.
 */
export function cachedOpenAI(
  baseURL: string,
  store: CacheStore,
  { clock, apiKey = 'sk-test', cache: more }: CachedClientOptions = {},
) {
  const primary: OpenAITarget = {
    id: 'primary',
    client: new OpenAI({ baseURL, apiKey }),
  };
  const cache = createCacheStage({ ...more, store });
  const openai = createResilientOpenAI({ targets: [primary], stages: [cache], clock });
  return { openai, cache };
}

/** The two OpenAI APIs the AI SDK speaks. */
export const aiSdkApis = ['chat completions', 'responses'] as const;

/**
 * A resilient AI SDK model over one simulated model, with the cache stage first (set up from
 * the adapter's binding and first model). A call controls the cache with
 * `providerOptions: { resilientLlm: { cache: CacheControl } }`.
 */
export function cachedLanguageModel(
  baseURL: string,
  store: CacheStore,
  api: (typeof aiSdkApis)[number],
  { clock, apiKey = 'sk-test', cache: more }: CachedClientOptions = {},
) {
  const openai = createOpenAI({ baseURL, apiKey });
  const primary = {
    model: api === 'chat completions' ? openai.chat('gpt-sim') : openai('gpt-sim'),
    id: 'primary',
  };
  const cache = createCacheStage({ ...more, store });
  const model = createResilientModel({ models: [primary], stages: [cache], clock });
  return { model, cache };
}

/** Requests a simulator received with one API key (its stats count them per key). */
export function requestsWith(
  stats: { byKey: Record<string, { requests: number }> },
  apiKey: string,
): number {
  return stats.byKey[apiKey]?.requests ?? 0;
}
