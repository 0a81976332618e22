import type { LanguageModelV4Usage } from '@ai-sdk/provider';
import type { Observation, Usage } from '@resilient-llm/core';
import { parseRateLimitHeaders } from '@resilient-llm/core/binding';

/**
 * What a response tells the pipeline: rate-limit state from its headers and token usage.
 * `now` is when it arrived, on the model's clock.
 */
export function observationOf({
  headers,
  usage,
  now,
}: {
  headers?: Record<string, string>;
  usage?: LanguageModelV4Usage;
  now: number;
}): Observation | undefined {
  const rateLimit = headers ? parseRateLimitHeaders(headers, { now }) : undefined;
  const hasRateLimit = rateLimit !== undefined && Object.keys(rateLimit).length > 0;
  if (!hasRateLimit && usage === undefined) return undefined;
  return {
    ...(hasRateLimit ? { rateLimit } : {}),
    ...(usage !== undefined ? { usage: usageOf(usage) } : {}),
  };
}

/** The AI SDK's usage in the pipeline's terms. */
export function usageOf(usage: LanguageModelV4Usage): Usage {
  return {
    inputTokens: usage.inputTokens?.total,
    outputTokens: usage.outputTokens?.total,
    cachedInputTokens: usage.inputTokens?.cacheRead,
  };
}
