import { type Binding, classifyError } from '@resilient-llm/core/binding';

/** A request of the scripted provider: only `model`, `prompt` and `temperature` affect the answer. */
export interface TestRequest {
  prompt: string;
  temperature?: number;
  /** Per-call noise that must never change the cache key. */
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** The call's own credential, instead of its target's. */
  apiKey?: string;
}

/** Stream parts of the scripted provider. */
export type TestPart =
  | { type: 'start' }
  | { type: 'text'; text: string }
  | { type: 'finish'; outputTokens?: number }
  | { type: 'error'; error: unknown };

/** An error as an HTTP API would raise it. */
export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** One scripted reaction of a target to one attempt; `gate` holds the answer back until it resolves. */
export type Step =
  | { respond: string; gate?: Promise<void> }
  | { fail: unknown; gate?: Promise<void> }
  | { hang: true }
  | { stream: Array<TestPart | { throw: unknown } | { hang: true }>; gate?: Promise<void> };

/** A target whose attempts follow a script; it counts every attempt. */
export interface ScriptedTarget {
  id: string;
  model: string;
  /** The credential its calls are sent with (unless a call brings its own). */
  apiKey: string;
  script: Step[];
  calls: number;
}

/** A target named `id` answering with `script`, one step per attempt. */
export function scriptedTarget(id: string, ...script: Step[]): ScriptedTarget {
  return { id, model: `model-of-${id}`, apiKey: `sk-${id}`, script, calls: 0 };
}

function nextStep(target: ScriptedTarget): Step {
  target.calls += 1;
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
  items: Extract<Step, { stream: unknown }>['stream'],
  signal: AbortSignal,
): AsyncGenerator<TestPart> {
  for (const item of items) {
    if ('throw' in item) throw item.throw;
    if ('hang' in item) await hangUntilAborted(signal);
    else yield item;
  }
}

/** A binding over scripted targets: the "SDK" is the script. */
export const scriptedBinding: Binding<ScriptedTarget, TestRequest, string, TestPart> = {
  targetId: (target) => target.id,
  async generate(target, request, { signal }) {
    const step = nextStep(target);
    if ('hang' in step) return hangUntilAborted(signal);
    await step.gate;
    if ('respond' in step) return `${step.respond} <- ${request.prompt}`;
    if ('fail' in step) throw step.fail;
    throw new Error('a stream step in a generate call');
  },
  async stream(target, _request, { signal }) {
    const step = nextStep(target);
    if ('hang' in step) return hangUntilAborted(signal);
    await step.gate;
    if ('fail' in step) throw step.fail;
    if (!('stream' in step)) throw new Error('a respond step in a stream call');
    return { parts: scriptedParts(step.stream, signal) };
  },
  classify: (error) => classifyError(error),
  partRole: (part) =>
    part.type === 'start' ? 'preamble' : part.type === 'text' ? 'content' : part.type,
  partError: (part) => (part.type === 'error' ? part.error : undefined),
  observePart: (part) =>
    part.type === 'finish' ? { usage: { outputTokens: part.outputTokens } } : undefined,
  cacheKey: (request, target) => ({
    model: target.model,
    prompt: request.prompt,
    temperature: request.temperature,
  }),
  cacheScope: (request, target) => ({
    endpoint: `scripted://${target.id}`,
    credentials: { apiKey: request.apiKey ?? target.apiKey },
  }),
};

/** Reads a whole stream into an array. */
export async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const parts: T[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

/** A promise and the function that resolves it. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Switches the built-in stages off, for tests of the cache alone. */
export const noBuiltIns = { retry: false, circuitBreaker: false, rateLimit: false } as const;
