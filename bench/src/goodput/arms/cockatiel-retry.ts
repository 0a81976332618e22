import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
import OpenAI from 'openai';
import { type Arm, MODEL, promptOf } from '../arm.ts';

/** cockatiel's retry with its default exponential backoff, 5 retries as the hand-written loop. */
export const cockatielRetry: Arm = {
  name: 'cockatiel retry',
  description:
    'SDK `maxRetries: 0`; `retry(handleAll, { maxAttempts: 5, backoff: new ExponentialBackoff() })`',
  usesSecondary: false,
  create({ primaryURL }) {
    const client = new OpenAI({ baseURL: primaryURL, apiKey: 'sk-bench', maxRetries: 0 });
    const policy = retry(handleAll, { maxAttempts: 5, backoff: new ExponentialBackoff() });
    return async (index, signal) => {
      await policy.execute(
        ({ signal: attemptSignal }) =>
          client.chat.completions.create(
            { model: MODEL, messages: [{ role: 'user', content: promptOf(index) }] },
            { signal: attemptSignal },
          ),
        signal,
      );
      return undefined;
    };
  },
};
