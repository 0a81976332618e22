import { createCacheStage, MemoryCacheStore } from '@resilient-llm/cache';
import {
  createOpenAIBinding,
  createResilientOpenAI,
  getProvenance,
  type OpenAIProvenance,
  type OpenAITarget,
} from '@resilient-llm/openai';
import OpenAI from 'openai';
import { MODEL } from '../goodput/arm.ts';

/** Where an arm sends its requests and the limits it knows of. */
interface CacheArmContext {
  baseURL: string;
  requestsPerWindow: number;
  windowMs: number;
  /** Provider seconds per simulator second (1/60: 1 s of window stands for 60 s). */
  timeScale: number;
  deadlineMs: number;
}

/**
 * Where an answer came from: `cache` (a stored entry), `joined` (an identical call in flight,
 * single-flight) or the id of the target that answered.
 */
type AnswerSource = 'cache' | 'joined' | (string & {});

/** Asks one question; resolves with where the answer came from, rejects on failure. */
type AskQuestion = (prompt: string, signal: AbortSignal) => Promise<AnswerSource>;

/** One of the two clients compared on the same workload. */
export interface CacheArm {
  name: string;
  /** How the arm is configured, for the report. */
  description: string;
  create(context: CacheArmContext): AskQuestion;
}

/**
 * A hit carries `targetId: 'cache'`; a call that joined an identical one in flight carries the
 * leader's target with `attempts: 0` (it started none itself).
 */
function answerSource(provenance: OpenAIProvenance | undefined): AnswerSource {
  if (provenance?.targetId === 'cache') return 'cache';
  if (provenance?.attempts === 0) return 'joined';
  return provenance?.targetId ?? 'unknown';
}

function createAsk(context: CacheArmContext, withCache: boolean): AskQuestion {
  const { baseURL, requestsPerWindow, windowMs, timeScale, deadlineMs } = context;
  const primary: OpenAITarget = {
    id: 'primary',
    client: new OpenAI({ baseURL, apiKey: 'sk-bench' }),
  };
  const stages = withCache
    ? [
        createCacheStage({
          store: new MemoryCacheStore(),
          binding: createOpenAIBinding(),
          target: primary,
        }),
      ]
    : [];
  const openai = createResilientOpenAI({
    targets: [primary],
    stages,
    timeoutMs: deadlineMs,
    // The default first backoff of 1 s, on the simulator's time scale.
    retry: { initialDelayMs: 1000 * timeScale },
    // The limit as published; the defaults queue while an answer can still arrive in time.
    rateLimit: { windowMs, targets: { primary: { requestsPerWindow } } },
  });
  return async (prompt, signal) => {
    const completion = await openai.chat.completions.create(
      { model: MODEL, messages: [{ role: 'user', content: prompt }] },
      { signal },
    );
    return answerSource(getProvenance(completion));
  };
}

/** Ours without a cache: every request goes to the provider, paced by its published limit. */
export const withoutCache: CacheArm = {
  name: 'resilient-llm, no cache',
  description:
    '`createResilientOpenAI` with `timeoutMs` = the deadline and `rateLimit: { requestsPerWindow: 20, windowMs: 1000 }`; every other option at its default',
  create: (context) => createAsk(context, false),
};

/** The same client with a response cache in memory listed in `stages`. */
export const withMemoryCache: CacheArm = {
  name: 'resilient-llm + cache',
  description:
    'as above, plus `stages: [createCacheStage({ store: new MemoryCacheStore(), binding: createOpenAIBinding(), target })]` (defaults: 1 h TTL, single-flight)',
  create: (context) => createAsk(context, true),
};
