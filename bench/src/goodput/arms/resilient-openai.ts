import { createResilientOpenAI, getProvenance } from '@resilient-llm/openai';
import OpenAI from 'openai';
import { type Arm, type ArmContext, MODEL, promptOf } from '../arm.ts';

function createArm(context: ArmContext, withFallback: boolean) {
  const primary = {
    id: 'primary',
    client: new OpenAI({ baseURL: context.primaryURL, apiKey: 'sk-bench' }),
  };
  const secondary = {
    id: 'secondary',
    client: new OpenAI({ baseURL: context.secondaryURL, apiKey: 'sk-bench' }),
  };
  // The provider's published limit, paced over its window; with a second provider, a wait
  // longer than a few windows' worth of a request goes there instead.
  const openai = createResilientOpenAI({
    targets: withFallback ? [primary, secondary] : [primary],
    timeoutMs: context.deadlineMs,
    retry: { initialDelayMs: 1000 * context.timeScale },
    rateLimit: {
      windowMs: context.windowMs,
      maxWaitMs: withFallback ? context.windowMs / 4 : context.deadlineMs,
      targets: { primary: { requestsPerWindow: context.requestsPerWindow } },
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

/** Ours, one provider: paced to its published limit, waiting as long as it asks. */
export const resilientOpenAI: Arm = {
  name: 'resilient-llm',
  description:
    '`createResilientOpenAI`, `rateLimit` = the published limit and window, `maxWaitMs` = deadline',
  usesSecondary: false,
  create: (context) => createArm(context, false),
};

/** Ours with a healthy second provider taking what the first cannot. */
export const resilientOpenAIWithFallback: Arm = {
  name: 'resilient-llm + fallback',
  description: 'as above, a second provider as fallback, primary `maxWaitMs` = window / 4',
  usesSecondary: true,
  create: (context) => createArm(context, true),
};
