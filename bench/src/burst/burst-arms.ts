import { createResilientOpenAI } from '@resilient-llm/openai';
import OpenAI from 'openai';
import { type ChatClient, chatCall, streams } from '../workload/chat-call.ts';
import type { SendRequest } from '../workload/offer-load.ts';
import type { BurstSettings } from './burst-settings.ts';

/** One way of sending the burst. */
export interface BurstArm {
  name: string;
  /** How the arm is configured, for the report. */
  description: string;
  create(baseURL: string, settings: BurstSettings): SendRequest;
}

const sendWith =
  (client: ChatClient): SendRequest =>
  async (index, signal) => {
    await chatCall(client, index, signal, streams(index));
    return undefined;
  };

function resilient(baseURL: string, settings: BurstSettings, configured: boolean): SendRequest {
  const { requestsPerSecond, calls, maxConcurrent, deadlineMs } = settings;
  return sendWith(
    createResilientOpenAI({
      targets: [{ id: 'primary', client: new OpenAI({ baseURL, apiKey: 'sk-bench' }) }],
      timeoutMs: deadlineMs,
      bulkhead: { maxConcurrent, maxQueued: calls },
      ...(configured
        ? { rateLimit: { requestsPerWindow: requestsPerSecond, windowMs: 1000 } }
        : {}),
    }),
  );
}

/** Ours, given the provider's published limit. */
export const burstConfigured: BurstArm = {
  name: 'resilient-llm, limit configured',
  description:
    '`createResilientOpenAI` with `rateLimit: { requestsPerWindow: <limit>, windowMs: 1000 }`, `bulkhead: { maxConcurrent: 64, maxQueued: <calls> }`, `timeoutMs` = the deadline',
  create: (baseURL, settings) => resilient(baseURL, settings, true),
};

/** Ours, configured with nothing about the limit: it learns it from the response headers. */
export const burstLearning: BurstArm = {
  name: 'resilient-llm, limit learned from headers',
  description: 'as above without `rateLimit`: the limit is learned from `x-ratelimit-*` headers',
  create: (baseURL, settings) => resilient(baseURL, settings, false),
};

/** The OpenAI SDK as it comes. */
const burstPlainOpenAI: BurstArm = {
  name: 'OpenAI SDK (default retries)',
  description: '`new OpenAI()` defaults: `maxRetries: 2`, its own backoff and `retry-after`',
  create: (baseURL) => sendWith(new OpenAI({ baseURL, apiKey: 'sk-bench' })),
};

/** Every arm, in the order the report lists them. */
export const burstArms = [burstConfigured, burstLearning, burstPlainOpenAI];
