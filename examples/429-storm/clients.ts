import { createResilientOpenAI, getProvenance } from '@resilient-llm/openai';
import OpenAI from 'openai';
import type { Send } from './load.ts';

const ask = (index: number) => ({
  model: 'gpt-sim',
  messages: [{ role: 'user' as const, content: `Question ${index}: why do gateways answer 429?` }],
});

/** The OpenAI SDK as most apps use it: default retries (2), honouring `retry-after`. */
export function plainClient(baseURL: string): Send {
  const client = new OpenAI({ baseURL, apiKey: 'sk-demo' });
  return async (index, signal) => {
    await client.chat.completions.create(ask(index), { signal });
    return 'gateway';
  };
}

/**
 * The same SDK through resilient-llm on the same single gateway, paced to its 10 s window:
 * no fallback, so it can answer no more than the gateway admits; it waits instead of being
 * refused, and a request that cannot be answered before its deadline is not sent at all.
 */
export function pacedClient(gatewayURL: string): Send {
  const openai = createResilientOpenAI({
    targets: [{ id: 'gateway', client: new OpenAI({ baseURL: gatewayURL, apiKey: 'sk-demo' }) }],
    rateLimit: { windowMs: 10_000 },
  });
  return async (index, signal) => {
    await openai.chat.completions.create(ask(index), { signal });
    return 'gateway';
  };
}

/**
 * Paced as {@link pacedClient}, and a wait longer than 2 s (the limiter's or the server's)
 * goes to a healthy fallback provider instead.
 */
export function pacedWithFallbackClient(gatewayURL: string, fallbackURL: string): Send {
  const openai = createResilientOpenAI({
    targets: [
      { id: 'gateway', client: new OpenAI({ baseURL: gatewayURL, apiKey: 'sk-demo' }) },
      { id: 'fallback', client: new OpenAI({ baseURL: fallbackURL, apiKey: 'sk-demo' }) },
    ],
    rateLimit: { windowMs: 10_000, maxWaitMs: 2_000 },
    // A server asking for a longer wait than that is also a reason to go to the fallback.
    retry: { initialDelayMs: 200, maxServerDelayMs: 2_000 },
  });
  return async (index, signal) => {
    const completion = await openai.chat.completions.create(ask(index), { signal });
    return getProvenance(completion)?.targetId ?? 'gateway';
  };
}
