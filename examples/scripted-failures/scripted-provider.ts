import { type Binding, classifyError } from '@resilient-llm/core/binding';

/** What the scripted provider streams: a start marker, text deltas, a finish marker. */
export type DemoPart = { type: 'start' } | { type: 'text'; text: string } | { type: 'finish' };

/** A provider failure as an HTTP client would report it. */
export class ProviderError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly code: string | undefined;

  constructor(status: number, headers: Record<string, string> = {}, code?: string) {
    super(`HTTP ${status}${code ? ` (${code})` : ''}`);
    this.status = status;
    this.headers = headers;
    this.code = code;
  }
}

/** How one channel behaves on its next call. */
type Behaviour =
  | { kind: 'answer'; text: string }
  | { kind: 'fail'; error: ProviderError }
  | { kind: 'stall-before-first-token' }
  | { kind: 'drop-after'; text: string };

/** A channel to a model (a gateway, a direct endpoint, a smaller model) with scripted behaviour. */
export interface Channel {
  name: string;
  next: Behaviour[];
}

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
  );
}

async function* partsOf(behaviour: Behaviour, signal: AbortSignal): AsyncGenerator<DemoPart> {
  yield { type: 'start' };
  if (behaviour.kind === 'stall-before-first-token') await untilAborted(signal);
  if (behaviour.kind === 'fail') throw behaviour.error;
  const text = 'text' in behaviour ? behaviour.text : '';
  for (const word of text.split(' ')) yield { type: 'text', text: `${word} ` };
  if (behaviour.kind === 'drop-after') throw new ProviderError(502);
  yield { type: 'finish' };
}

function take(channel: Channel): Behaviour {
  return channel.next.shift() ?? { kind: 'answer', text: `${channel.name} is fine now.` };
}

/** The binding: how the pipeline drives the scripted provider. */
export const scriptedProvider: Binding<Channel, string, string, DemoPart> = {
  targetId: (channel) => channel.name,
  async generate(channel, prompt, { signal }) {
    const behaviour = take(channel);
    if (behaviour.kind === 'fail') throw behaviour.error;
    if (behaviour.kind === 'stall-before-first-token') return untilAborted(signal);
    return `${channel.name} answers "${prompt}": ${'text' in behaviour ? behaviour.text : ''}`;
  },
  async stream(channel, _prompt, { signal }) {
    return { parts: partsOf(take(channel), signal) };
  },
  classify: (error) => classifyError(error),
  partRole: (part) =>
    part.type === 'start' ? 'preamble' : part.type === 'text' ? 'content' : 'finish',
};
