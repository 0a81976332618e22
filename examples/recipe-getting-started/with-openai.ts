import { createResilientOpenAI, getProvenance } from '@resilient-llm/openai';
import OpenAI from 'openai';

/** Asks one question through two OpenAI-compatible channels, the first preferred. */
export async function askWithOpenAI(gatewayURL: string, directURL: string): Promise<string> {
  const openai = createResilientOpenAI({
    targets: [
      { id: 'gateway', client: new OpenAI({ baseURL: gatewayURL, apiKey: 'sk-gateway' }) },
      { id: 'direct', client: new OpenAI({ baseURL: directURL, apiKey: 'sk-direct' }) },
    ],
    timeoutMs: 60_000, // one deadline for retries, waits and fallbacks together
    streamTimeouts: { firstContentTimeoutMs: 8_000, idleTimeoutMs: 15_000 },
  });

  // Exactly the SDK's call and types.
  const completion = await openai.chat.completions.create({
    model: 'gpt-sim',
    messages: [{ role: 'user', content: 'Hello!' }],
  });
  console.log('answered by', getProvenance(completion)?.targetId);

  const stream = await openai.chat.completions.create({
    model: 'gpt-sim',
    messages: [{ role: 'user', content: 'Tell me a story.' }],
    stream: true,
  });
  let story = '';
  for await (const chunk of stream) story += chunk.choices[0]?.delta.content ?? '';
  return story;
}
