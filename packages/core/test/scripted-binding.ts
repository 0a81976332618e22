import type { Binding } from '../src/contract/binding';
import { classifyError } from '../src/failure/classify-error';

/** Stream parts of the scripted provider. */
export type TestPart =
  | { type: 'start' }
  | { type: 'text'; text: string }
  | { type: 'finish'; outputTokens?: number }
  | { type: 'error'; error: unknown };

/** An error as an HTTP API would raise it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string> = {},
    readonly code?: string,
  ) {
    super(`HTTP ${status}${code ? ` ${code}` : ''}`);
  }
}

/** One scripted reaction of a target to one attempt. */
export type Step =
  | { respond: string }
  | { fail: unknown }
  | { hang: true }
  | { stream: Array<TestPart | { hang: true } | { throw: unknown }> };

/** A target whose attempts follow a script; it records every attempt's signal. */
export interface ScriptedTarget {
  id: string;
  script: Step[];
  signals: AbortSignal[];
  closedStreams: number;
}

export function scriptedTarget(id: string, ...script: Step[]): ScriptedTarget {
  return { id, script, signals: [], closedStreams: 0 };
}

function nextStep(target: ScriptedTarget, signal: AbortSignal): Step {
  target.signals.push(signal);
  const step = target.script.shift();
  if (!step) throw new Error(`${target.id} has no scripted step left`);
  return step;
}

function hangUntilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) =>
    signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
  );
}

async function* scriptedParts(
  target: ScriptedTarget,
  items: Extract<Step, { stream: unknown }>['stream'],
  signal: AbortSignal,
) {
  try {
    for (const item of items) {
      if ('hang' in item) await hangUntilAborted(signal);
      else if ('throw' in item) throw item.throw;
      else yield item;
    }
  } finally {
    target.closedStreams += 1;
  }
}

/** A binding over scripted targets: the "SDK" is the script. */
export const scriptedBinding: Binding<ScriptedTarget, string, string, TestPart> = {
  targetId: (target) => target.id,
  async generate(target, request, { signal }) {
    const step = nextStep(target, signal);
    if ('respond' in step) return `${step.respond} <- ${request}`;
    if ('fail' in step) throw step.fail;
    if ('hang' in step) return hangUntilAborted(signal);
    throw new Error('a stream step in a generate call');
  },
  async stream(target, _request, { signal }) {
    const step = nextStep(target, signal);
    if ('fail' in step) throw step.fail;
    if ('hang' in step) return hangUntilAborted(signal);
    if (!('stream' in step)) throw new Error('a respond step in a stream call');
    return { parts: scriptedParts(target, step.stream, signal) };
  },
  classify: (error) => classifyError(error),
  partRole: (part) =>
    part.type === 'start' ? 'preamble' : part.type === 'text' ? 'content' : part.type,
  partError: (part) => (part.type === 'error' ? part.error : undefined),
  observePart: (part) =>
    part.type === 'finish' ? { usage: { outputTokens: part.outputTokens } } : undefined,
};

/** Reads a whole stream into an array. */
export async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const parts: T[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

/** Switches the built-in stages off, for tests of the bare pipeline. */
export const noBuiltIns = { retry: false, circuitBreaker: false, rateLimit: false } as const;
