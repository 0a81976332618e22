import type { Usage } from '@resilient-llm/core';

interface UsageFields {
  readonly prompt_tokens?: number | null;
  readonly completion_tokens?: number | null;
  readonly input_tokens?: number | null;
  readonly output_tokens?: number | null;
  readonly prompt_tokens_details?: { readonly cached_tokens?: number | null } | null;
  readonly input_tokens_details?: { readonly cached_tokens?: number | null } | null;
}

/**
 * Token usage in the pipeline's terms, from any of the SDK's usage shapes: chat completions
 * and embeddings (`prompt_tokens`, `completion_tokens`), the Responses API (`input_tokens`,
 * `output_tokens`), with cached prompt tokens where reported. Undefined without usage.
 */
export function usageOf(usage: UsageFields | null | undefined): Usage | undefined {
  if (!usage) return undefined;
  const inputTokens = usage.prompt_tokens ?? usage.input_tokens ?? undefined;
  const outputTokens = usage.completion_tokens ?? usage.output_tokens ?? undefined;
  const cachedInputTokens =
    usage.prompt_tokens_details?.cached_tokens ??
    usage.input_tokens_details?.cached_tokens ??
    undefined;
  if (inputTokens === undefined && outputTokens === undefined) return undefined;
  return {
    ...(inputTokens !== undefined ? { inputTokens } : {}),
    ...(outputTokens !== undefined ? { outputTokens } : {}),
    ...(cachedInputTokens !== undefined ? { cachedInputTokens } : {}),
  };
}
