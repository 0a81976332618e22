import type OpenAI from 'openai';
import { MODEL, promptOf } from '../goodput/arm.ts';

/** What `chat.completions.create` is called on: the OpenAI SDK or our wrapper of it. */
export interface ChatClient {
  chat: { completions: Pick<OpenAI['chat']['completions'], 'create'> };
}

/** Share of calls that stream, as chat UIs do; the others wait for the whole answer. */
export const STREAMING_SHARE = 0.3;

/** Whether call `index` streams: 3 of every 10 calls, spread evenly. */
export const streams = (index: number) => index % 10 < STREAMING_SHARE * 10;

/** Sends chat call `index`, streaming it (read to the end) when `stream`. */
export async function chatCall(
  client: ChatClient,
  index: number,
  signal: AbortSignal,
  stream: boolean,
) {
  const messages = [{ role: 'user' as const, content: promptOf(index) }];
  if (!stream) {
    await client.chat.completions.create({ model: MODEL, messages }, { signal });
    return;
  }
  const chunks = await client.chat.completions.create(
    { model: MODEL, messages, stream: true },
    { signal },
  );
  for await (const _chunk of chunks) {
    // Read to the end: the call is done when the last chunk has arrived.
  }
}
