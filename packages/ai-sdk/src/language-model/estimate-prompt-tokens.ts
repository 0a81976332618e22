import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { estimateTextTokens } from '@resilient-llm/core/binding';

/**
 * Input tokens plus the output limit of a call, for token-per-minute permits: text,
 * reasoning, tool inputs and tool outputs of the prompt by core's `estimateTextTokens`
 * (4 characters a token), plus `maxOutputTokens` when given. Files are not counted.
 */
export function estimatePromptTokens(params: LanguageModelV4CallOptions): number {
  const texts: string[] = [];
  for (const message of params.prompt) {
    if (typeof message.content === 'string') {
      texts.push(message.content);
      continue;
    }
    for (const part of message.content) {
      if (part.type === 'text' || part.type === 'reasoning') texts.push(part.text);
      else if (part.type === 'tool-call') texts.push(JSON.stringify(part.input ?? ''));
      else if (part.type === 'tool-result') texts.push(JSON.stringify(part.output ?? ''));
    }
  }
  return estimateTextTokens(texts) + (params.maxOutputTokens ?? 0);
}
