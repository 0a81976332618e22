import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI, { RateLimitError } from 'openai';
import { type Arm, MODEL, promptOf } from '../arm.ts';

const MAX_RETRIES = 5;

/**
 * The common advice: on a 429, wait 2^n s plus up to 1 s of jitter, at most 5 times. The
 * seconds are multiplied by the simulator's time scale (1 s of window for 60 s), so the waits
 * keep their size relative to the window.
 */
export const handWrittenRetry: Arm = {
  name: 'hand-written retry loop',
  description:
    'SDK `maxRetries: 0`; on 429 wait (2^n s + up to 1 s jitter) x time scale, 5 retries',
  usesSecondary: false,
  create({ primaryURL, timeScale }) {
    const client = new OpenAI({ baseURL: primaryURL, apiKey: 'sk-bench', maxRetries: 0 });
    return async (index, signal) => {
      for (let retry = 0; ; retry++) {
        try {
          await client.chat.completions.create(
            { model: MODEL, messages: [{ role: 'user', content: promptOf(index) }] },
            { signal },
          );
          return undefined;
        } catch (error) {
          if (!(error instanceof RateLimitError) || retry === MAX_RETRIES) throw error;
          const waitSeconds = 2 ** retry + Math.random();
          await sleep(waitSeconds * 1000 * timeScale, undefined, { signal });
        }
      }
    };
  },
};
