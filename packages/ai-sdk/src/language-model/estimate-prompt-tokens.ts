import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';

// The usual estimate for English text; the limiter corrects itself from the reported usage.
const charactersPerToken = 4;

/**
 * Input tokens plus the output limit of a call, for token-per-minute permits: text,
 * reasoning, tool inputs and tool outputs of the prompt at 4 characters a token, plus
 * `maxOutputTokens` when given. Files are not counted.
 */
export function estimatePromptTokens(params: LanguageModelV4CallOptions): number {
  let characters = 0;
  for (const message of params.prompt) {
    if (typeof message.content === 'string') {
      characters += message.content.length;
      continue;
    }
    for (const part of message.content) {
      if (part.type === 'text' || part.type === 'reasoning') characters += part.text.length;
      else if (part.type === 'tool-call') characters += JSON.stringify(part.input ?? '').length;
      else if (part.type === 'tool-result') characters += JSON.stringify(part.output ?? '').length;
    }
  }
  return Math.ceil(characters / charactersPerToken) + (params.maxOutputTokens ?? 0);
}
