import { createOpenAI } from '@ai-sdk/openai';
import { generateText } from 'ai';
import { type Arm, MODEL, promptOf } from '../arm.ts';

/** The AI SDK's `generateText` with its default retries (2, exponential from 2 s). */
export const aiSdkGenerateText: Arm = {
  name: 'AI SDK generateText (default retries)',
  description: '`generateText` defaults: `maxRetries: 2`, its own backoff and `retry-after`',
  usesSecondary: false,
  create({ primaryURL }) {
    const provider = createOpenAI({ baseURL: primaryURL, apiKey: 'sk-bench' });
    return async (index, signal) => {
      await generateText({
        model: provider.chat(MODEL),
        prompt: promptOf(index),
        abortSignal: signal,
      });
      return undefined;
    };
  },
};
