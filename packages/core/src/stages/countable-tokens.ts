import type { Usage } from '../contract/observation';

/**
 * Tokens that count against a tokens-per-minute limit: input (less what the provider's
 * prompt cache served) plus output. Undefined when the usage says nothing.
 */
export function countableTokens(usage: Usage | undefined): number | undefined {
  if (!usage || (usage.inputTokens === undefined && usage.outputTokens === undefined))
    return undefined;
  const input = Math.max(0, (usage.inputTokens ?? 0) - (usage.cachedInputTokens ?? 0));
  return input + (usage.outputTokens ?? 0);
}
