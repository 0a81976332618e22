import OpenAI from 'openai';
import { type Arm, MODEL, promptOf } from '../arm.ts';

/** The OpenAI SDK as it comes: two retries that honour `retry-after`. */
export const plainOpenAI: Arm = {
  name: 'OpenAI SDK (default retries)',
  description: '`new OpenAI()` defaults: `maxRetries: 2`, its own backoff and `retry-after`',
  usesSecondary: false,
  create({ primaryURL }) {
    const client = new OpenAI({ baseURL: primaryURL, apiKey: 'sk-bench' });
    return async (index, signal) => {
      await client.chat.completions.create(
        { model: MODEL, messages: [{ role: 'user', content: promptOf(index) }] },
        { signal },
      );
      return undefined;
    };
  },
};
