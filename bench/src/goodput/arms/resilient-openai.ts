import { createResilientOpenAI, getProvenance } from '@resilient-llm/openai';
import OpenAI from 'openai';
import { type Arm, type ArmContext, MODEL, promptOf } from '../arm.ts';

interface Variant {
  /** `published`: the limit per window as the provider states it; `even`: the same rate, one request at a time. */
  pacing: 'published' | 'even';
  withFallback: boolean;
}

function createSend(context: ArmContext, { pacing, withFallback }: Variant) {
  const { primaryURL, secondaryURL, requestsPerWindow, windowMs, timeScale, deadlineMs } = context;
  const primary = {
    id: 'primary',
    client: new OpenAI({ baseURL: primaryURL, apiKey: 'sk-bench' }),
  };
  const secondary = {
    id: 'secondary',
    client: new OpenAI({ baseURL: secondaryURL, apiKey: 'sk-bench' }),
  };
  const limit =
    pacing === 'published'
      ? { requestsPerWindow, windowMs }
      : { requestsPerWindow: 1, windowMs: windowMs / requestsPerWindow };
  const openai = createResilientOpenAI({
    targets: withFallback ? [primary, secondary] : [primary],
    timeoutMs: deadlineMs,
    // The default first backoff of 1 s, on the simulator's time scale.
    retry: { initialDelayMs: 1000 * timeScale },
    rateLimit: {
      windowMs: limit.windowMs,
      // Without a second provider the defaults apply: queue while the answer can still arrive
      // before the deadline. With one, do not queue for long: send the excess there.
      ...(withFallback ? { maxWaitMs: windowMs / 4 } : {}),
      targets: { primary: { requestsPerWindow: limit.requestsPerWindow } },
    },
  });
  return async (index: number, signal: AbortSignal) => {
    const completion = await openai.chat.completions.create(
      { model: MODEL, messages: [{ role: 'user', content: promptOf(index) }] },
      { signal },
    );
    return { targetId: getProvenance(completion)?.targetId };
  };
}

/** Ours, configured with the limit exactly as published: N requests per window. */
export const resilientPublishedLimit: Arm = {
  name: 'resilient-llm, limit as published',
  description:
    '`createResilientOpenAI` with `timeoutMs` = the deadline and `rateLimit: { requestsPerWindow: 20, windowMs: 1000 }`; every other option at its default',
  usesSecondary: false,
  create: (context) => createSend(context, { pacing: 'published', withFallback: false }),
};

/** Ours, the same rate paced evenly: one request per window / limit. */
export const resilientEvenPacing: Arm = {
  name: 'resilient-llm, paced evenly',
  description:
    'as above with the same rate as `{ requestsPerWindow: 1, windowMs: 50 }` (no bursts)',
  usesSecondary: false,
  create: (context) => createSend(context, { pacing: 'even', withFallback: false }),
};

/** Ours, paced evenly, with a healthy second provider taking what the first cannot. */
export const resilientWithFallback: Arm = {
  name: 'resilient-llm, paced evenly + fallback',
  description: 'as above, a second provider as fallback, primary `maxWaitMs` = window / 4',
  usesSecondary: true,
  create: (context) => createSend(context, { pacing: 'even', withFallback: true }),
};
