import { createResilientOpenAI } from '@resilient-llm/openai';
import OpenAI from 'openai';

/** The part of your app under test: a ticket summariser over a resilient OpenAI client. */
export function createSummariser(baseURL: string) {
  const openai = createResilientOpenAI({
    targets: [{ id: 'provider', client: new OpenAI({ baseURL, apiKey: 'sk-test' }) }],
    retry: { maxAttempts: 6, initialDelayMs: 20, maxDelayMs: 200 },
    circuitBreaker: false, // a single channel: nothing to fail over to while it is open
    streamTimeouts: { firstContentTimeoutMs: 1_000, idleTimeoutMs: 300 },
    timeoutMs: 15_000,
  });

  /** Streams a one-line summary of a support ticket and returns its text. */
  return async function summarise(ticket: string): Promise<string> {
    const stream = await openai.chat.completions.create({
      model: 'gpt-sim',
      messages: [{ role: 'user', content: `Summarise: ${ticket}` }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    return text;
  };
}
