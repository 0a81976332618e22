import { createOpenAI } from '@ai-sdk/openai';
import { createResilientModel } from '@resilient-llm/ai-sdk';
import { StreamInterruptedError } from '@resilient-llm/core';
import { streamText } from 'ai';

/** Where the two channels of the chat route live. */
export interface ChatChannels {
  primaryURL: string;
  backupURL: string;
}

/**
 * Builds a chat route handler in the Web `Request` -> `Response` shape of Next.js, Hono,
 * Remix and edge runtimes. A primary model whose first token does not come within 500 ms
 * is given up on, invisibly, for the backup model.
 */
export function createChatRoute({ primaryURL, backupURL }: ChatChannels) {
  const primary = createOpenAI({ baseURL: primaryURL, apiKey: 'sk-primary' });
  const backup = createOpenAI({ baseURL: backupURL, apiKey: 'sk-backup' });
  const model = createResilientModel({
    models: [
      { model: primary('gpt-sim'), id: 'primary' },
      { model: backup('gpt-sim-mini'), id: 'backup' },
    ],
    streamTimeouts: { firstContentTimeoutMs: 500, idleTimeoutMs: 2_000 },
    retry: { maxAttempts: 1 }, // a slow first token goes to the backup, not to a second try
    timeoutMs: 10_000,
  });

  return async function POST(request: Request): Promise<Response> {
    const { prompt } = (await request.json()) as { prompt: string };
    const result = streamText({
      model,
      prompt,
      abortSignal: request.signal, // the user closing the tab stops the call
      onError: ({ error }) => {
        // Only a failure after the first token gets here: the user has seen part of the answer.
        if (StreamInterruptedError.isInstance(error)) {
          console.warn(`${error.targetId} dropped mid-answer: ${error.failure.kind}`);
        }
      },
    });
    return result.toTextStreamResponse();
  };
}
