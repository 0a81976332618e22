import { createResilientOpenAI } from '@resilient-llm/openai';
import { startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { MODEL, promptOf } from '../goodput/arm.ts';
import { percentile } from '../metrics/percentile.ts';
import { offerLoad, type SendRequest } from '../workload/offer-load.ts';

/** Sizes of the slow-first-token scenario. */
export interface SlowFirstTokenSettings {
  seed: number;
  requestsPerSecond: number;
  durationMs: number;
  deadlineMs: number;
  firstContentTimeoutMs: number;
}

/** The measured figures of one arm. */
export interface SlowFirstTokenResult {
  arm: string;
  offered: number;
  completed: number;
  firstContentP50Ms: number;
  firstContentP99Ms: number;
  /** Requests sent beyond one per offered request, as a share of the offered ones. */
  extraRequestShare: number;
}

// A heavy tail: the median first token after 150 ms, the p99 after 4 s.
const slowLatency = { firstTokenMedianMs: 150, firstTokenP99Ms: 4_000, tokensPerSecond: 400 };
const healthyLatency = { firstTokenMedianMs: 150, firstTokenP99Ms: 300, tokensPerSecond: 400 };

type Chunks = AsyncIterable<{ choices: { delta: { content?: string | null } }[] }>;

/** Reads a chat stream to its end; resolves with the time of its first content. */
async function readStream(chunks: Chunks, startedAt: number) {
  let firstContentMs: number | undefined;
  for await (const chunk of chunks) {
    if (firstContentMs === undefined && chunk.choices[0]?.delta.content) {
      firstContentMs = performance.now() - startedAt;
    }
  }
  return { firstContentMs };
}

const body = (index: number) => ({
  model: MODEL,
  messages: [{ role: 'user' as const, content: promptOf(index) }],
  stream: true as const,
});

function plainSdk(primaryURL: string): SendRequest {
  const client = new OpenAI({ baseURL: primaryURL, apiKey: 'sk-bench' });
  return async (index, signal) => {
    const startedAt = performance.now();
    return readStream(await client.chat.completions.create(body(index), { signal }), startedAt);
  };
}

function resilient(
  primaryURL: string,
  secondaryURL: string,
  settings: SlowFirstTokenSettings,
  withTimeout: boolean,
): SendRequest {
  const openai = createResilientOpenAI({
    targets: [
      { id: 'primary', client: new OpenAI({ baseURL: primaryURL, apiKey: 'sk-bench' }) },
      { id: 'secondary', client: new OpenAI({ baseURL: secondaryURL, apiKey: 'sk-bench' }) },
    ],
    timeoutMs: settings.deadlineMs,
    // A slow first token is a timeout, not a server fault: do not let it open the breaker.
    circuitBreaker: false,
    // One attempt per target: a first token that is late goes to the other provider at once.
    retry: { maxAttempts: 1 },
    ...(withTimeout
      ? { streamTimeouts: { firstContentTimeoutMs: settings.firstContentTimeoutMs } }
      : {}),
  });
  return async (index, signal) => {
    const startedAt = performance.now();
    return readStream(await openai.chat.completions.create(body(index), { signal }), startedAt);
  };
}

async function runArm(
  name: string,
  settings: SlowFirstTokenSettings,
  create: (primaryURL: string, secondaryURL: string) => SendRequest,
): Promise<SlowFirstTokenResult> {
  const primary = await startSimulator({
    seed: settings.seed,
    models: { [MODEL]: { latency: slowLatency } },
  });
  const secondary = await startSimulator({
    seed: settings.seed,
    models: { [MODEL]: { latency: healthyLatency } },
  });
  try {
    const outcomes = await offerLoad(settings, create(primary.baseURL, secondary.baseURL));
    const firstContent = outcomes.flatMap((outcome) =>
      outcome.firstContentMs === undefined ? [] : [outcome.firstContentMs],
    );
    const sent = primary.stats().requests + secondary.stats().requests;
    return {
      arm: name,
      offered: outcomes.length,
      completed: outcomes.filter((outcome) => outcome.ok).length,
      firstContentP50Ms: percentile(firstContent, 50),
      firstContentP99Ms: percentile(firstContent, 99),
      extraRequestShare: (sent - outcomes.length) / outcomes.length,
    };
  } finally {
    await Promise.all([primary.close(), secondary.close()]);
  }
}

/**
 * Streaming requests to a provider whose first token has a heavy tail, with a healthy second
 * provider: the plain SDK, ours without a first-token timeout, ours with one and fallback.
 */
export async function runSlowFirstToken(
  settings: SlowFirstTokenSettings,
): Promise<SlowFirstTokenResult[]> {
  return [
    await runArm('OpenAI SDK', settings, (primaryURL) => plainSdk(primaryURL)),
    await runArm('resilient-llm, no first-token timeout', settings, (primaryURL, secondaryURL) =>
      resilient(primaryURL, secondaryURL, settings, false),
    ),
    await runArm(
      `resilient-llm, first-token timeout ${settings.firstContentTimeoutMs} ms + fallback`,
      settings,
      (primaryURL, secondaryURL) => resilient(primaryURL, secondaryURL, settings, true),
    ),
  ];
}
