import { createOpenAI } from '@ai-sdk/openai';
import { createResilientModel } from '@resilient-llm/ai-sdk';
import { generateText, streamText } from 'ai';
import { check } from './check.ts';

/** The AI SDK adapter: generateText and streamText through the pipeline. */
export function aiSdkChecks(baseURL: string) {
  const provider = createOpenAI({ baseURL, apiKey: 'sk-smoke' });
  const model = createResilientModel({
    models: [{ model: provider.chat('gpt-sim'), id: 'simulator' }],
    timeoutMs: 20_000,
  });
  return [
    check('ai-sdk: generateText', async () => {
      const { text, providerMetadata } = await generateText({ model, prompt: 'Hello' });
      return text && providerMetadata?.resilientLlm?.targetId;
    }),
    check('ai-sdk: streamText', async () => {
      const result = streamText({ model, prompt: 'Tell me a story' });
      let text = '';
      for await (const delta of result.textStream) text += delta;
      return text;
    }),
  ];
}
