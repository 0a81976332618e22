import { createOpenAI } from '@ai-sdk/openai';
import { createResilientModel } from '@resilient-llm/ai-sdk';
import { generateText, streamText } from 'ai';

/** Asks one question through a fallback chain of two AI SDK models. */
export async function askWithAiSdk(gatewayURL: string, directURL: string): Promise<string> {
  const gateway = createOpenAI({ baseURL: gatewayURL, apiKey: 'sk-gateway' });
  const direct = createOpenAI({ baseURL: directURL, apiKey: 'sk-direct' });
  const model = createResilientModel({
    models: [
      { model: gateway('gpt-sim'), id: 'gateway' },
      { model: direct('gpt-sim'), id: 'direct' },
    ],
    timeoutMs: 60_000,
    streamTimeouts: { firstContentTimeoutMs: 8_000, idleTimeoutMs: 15_000 },
  });

  const { providerMetadata } = await generateText({ model, prompt: 'Hello!' });
  console.log('answered by', providerMetadata?.resilientLlm?.targetId);

  const result = streamText({ model, prompt: 'Tell me a story.' });
  let story = '';
  for await (const delta of result.textStream) story += delta;
  return story;
}
