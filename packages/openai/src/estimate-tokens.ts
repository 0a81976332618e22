import { estimateTextTokens } from '@resilient-llm/core/binding';
import type { ChatBody, EmbeddingsBody, ResponsesBody } from './openai-request';

// Fields of messages and input items that hold text the model reads; other fields (roles,
// ids, image URLs, base64 audio) would inflate the estimate without costing prompt tokens.
const textFields = ['content', 'text', 'arguments', 'output', 'refusal', 'input', 'instructions'];

/**
 * Estimates the tokens one request counts against a tokens-per-minute limit: the text of the
 * messages (chat), the `input` and `instructions` (Responses API) or the `input` (embeddings,
 * where token arrays count one per token) by core's `estimateTextTokens` (4 characters a
 * token, rounded up), plus the most the answer may take (`max_tokens`,
 * `max_completion_tokens` or `max_output_tokens`; nothing when none is given, so the estimate
 * is then a lower bound that the reported usage corrects).
 */
export function estimateTokens(body: ChatBody | ResponsesBody | EmbeddingsBody): number {
  const record = body as Record<string, unknown>;
  const counted: Counted = { texts: [], tokens: 0 };
  for (const field of ['messages', 'input', 'instructions']) collect(record[field], 0, counted);
  return counted.tokens + estimateTextTokens(counted.texts) + maximumOutputTokens(record);
}

function maximumOutputTokens(record: Record<string, unknown>): number {
  for (const field of ['max_completion_tokens', 'max_tokens', 'max_output_tokens']) {
    const value = record[field];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  }
  return 0;
}

interface Counted {
  /** The texts the model reads. */
  readonly texts: string[];
  /** Tokens given as numbers (token arrays of embeddings). */
  tokens: number;
}

// Deep enough for messages of content parts; bounded so a cyclic object cannot hang a call.
const maximumDepth = 8;

function collect(value: unknown, depth: number, counted: Counted): void {
  if (typeof value === 'string') counted.texts.push(value);
  else if (typeof value === 'number') counted.tokens += 1;
  else if (depth < maximumDepth && Array.isArray(value)) {
    for (const item of value) collect(item, depth + 1, counted);
  } else if (depth < maximumDepth && typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const field of textFields) collect(record[field], depth + 1, counted);
  }
}
