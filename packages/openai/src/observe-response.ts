import type { Observation } from '@resilient-llm/core';
import { parseRateLimitHeaders } from '@resilient-llm/core/binding';
import type { OpenAIResponse } from './openai-response';
import { usageOf } from './usage-of';

/** The rate-limit headers and token usage of an answered attempt. */
export function observeResponse({ data, response }: OpenAIResponse): Observation {
  const usage = usageOf('usage' in data ? data.usage : undefined);
  return { rateLimit: parseRateLimitHeaders(response.headers), ...(usage ? { usage } : {}) };
}
