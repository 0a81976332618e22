import { type Binding, classifyError } from '@resilient-llm/core/binding';

/** Stream parts of the scripted provider. */
export type TestPart =
  | { type: 'start' }
  | { type: 'text'; text: string }
  | { type: 'finish'; outputTokens?: number }
  | { type: 'error'; error: unknown };

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

/** One scripted reaction of a target to one attempt; `gate` holds the answer back until it resolves. */
export type Step =
  | { respond: string; gate?: Promise<void> }
  | { fail: unknown; gate?: Promise<void> }
  | { hang: true }
  | { stream: Array<TestPart | { hang: true } | { throw: unknown }>; gate?: Promise<void> };

/** A target whose attempts follow a script; it records every attempt's signal. */
export interface ScriptedTarget {
  id: string;
  model: string;
  /** The credential its calls are sent with (unless a call brings its own). */
  apiKey: string;
  script: Step[];
  /** The signal of every attempt, in order. */
  signals: AbortSignal[];
  /** Attempts made so far. */
  readonly calls: number;
  /** Streams whose parts ended: read to the end, failed or closed early. */
  closedStreams: number;
}

/** A target named `id` answering with `script`, one step per attempt. */
export function scriptedTarget(id: string, ...script: Step[]): ScriptedTarget {
  return {
    id,
    model: `model-of-${id}`,
    apiKey: `sk-${id}`,
    script,
    signals: [],
    get calls() {
      return this.signals.length;
    },
    closedStreams: 0,
  };
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
): AsyncGenerator<TestPart> {
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

/**
 * A binding over scripted targets, the "SDK" being the script, for requests that `asTestRequest`
 * reads as a {@link TestRequest}: an answer is `<respond> <- <prompt>`, and only the target's
 * model, the prompt and the temperature make the cache key.
 */
function scriptedBindingOf<TRequest>(
  asTestRequest: (request: TRequest) => TestRequest,
): Binding<ScriptedTarget, TRequest, string, TestPart> {
  return {
    targetId: (target) => target.id,
    async generate(target, request, { signal }) {
      const step = nextStep(target, signal);
      if ('hang' in step) return hangUntilAborted(signal);
      if (step.gate) await step.gate;
      if ('respond' in step) return `${step.respond} <- ${asTestRequest(request).prompt}`;
      if ('fail' in step) throw step.fail;
      throw new Error('a stream step in a generate call');
    },
    async stream(target, _request, { signal }) {
      const step = nextStep(target, signal);
      if ('hang' in step) return hangUntilAborted(signal);
      if (step.gate) await step.gate;
      if ('fail' in step) throw step.fail;
      if (!('stream' in step)) throw new Error('a respond step in a stream call');
      return { parts: scriptedParts(target, step.stream, signal) };
    },
    classify: (error) => classifyError(error),
    partRole: (part) =>
      part.type === 'start' ? 'preamble' : part.type === 'text' ? 'content' : part.type,
    partError: (part) => (part.type === 'error' ? part.error : undefined),
    observePart: (part) =>
      part.type === 'finish' ? { usage: { outputTokens: part.outputTokens } } : undefined,
    cacheKey(request, target) {
      const { prompt, temperature } = asTestRequest(request);
      return { model: target.model, prompt, temperature };
    },
    cacheScope: (request, target) => ({
      endpoint: `scripted://${target.id}`,
      credentials: { apiKey: asTestRequest(request).apiKey ?? target.apiKey },
    }),
  };
}

/** The scripted binding over bare prompts. */
export const scriptedBinding = scriptedBindingOf<string>((prompt) => ({ prompt }));

/** The scripted binding over {@link TestRequest}s, for tests where temperature, credentials or per-call noise matter. */
export const scriptedRequestBinding = scriptedBindingOf<TestRequest>((request) => request);

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

/** Switches the built-in stages off, for tests of the bare pipeline or of one stage alone. */
export const noBuiltIns = { retry: false, circuitBreaker: false, rateLimit: false } as const;
