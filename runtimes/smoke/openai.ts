import { createResilientOpenAI, getProvenance } from '@resilient-llm/openai';
import OpenAI from 'openai';
import { check } from './check.ts';

const messages = [{ role: 'user' as const, content: 'Hello from a smoke check' }];

/** The OpenAI adapter: a chat completion, a stream and an embedding through the pipeline. */
export function openAIChecks(baseURL: string) {
  const openai = createResilientOpenAI({
    targets: [
      {
        id: 'simulator',
        client: new OpenAI({ baseURL, apiKey: 'sk-smoke', dangerouslyAllowBrowser: true }),
      },
    ],
    timeoutMs: 20_000,
  });
  return [
    check('openai: chat completion', async () => {
      const completion = await openai.chat.completions.create({ model: 'gpt-sim', messages });
      return completion.choices[0]?.message.content && getProvenance(completion)?.targetId;
    }),
    check('openai: chat stream', async () => {
      const stream = await openai.chat.completions.create({
        model: 'gpt-sim',
        messages,
        stream: true,
      });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      return text;
    }),
    check('openai: embedding', async () => {
      const result = await openai.embeddings.create({
        model: 'text-embedding-sim',
        input: 'hello',
      });
      return result.data[0]?.embedding.length;
    }),
  ];
}
