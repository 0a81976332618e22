import type { StreamPartRole } from '@resilient-llm/core/binding';
import type OpenAI from 'openai';

const preambleTypes = new Set(['response.created', 'response.in_progress', 'response.queued']);
const finishTypes = new Set(['response.completed', 'response.incomplete']);
const errorTypes = new Set(['error', 'response.failed']);

/**
 * The role of a Responses API event at the commit point: `response.created`,
 * `response.in_progress` and `response.queued` are preamble; any `*.delta` event (output
 * text, function-call arguments, refusal, reasoning, audio) and a partial image commit;
 * `response.completed` and `response.incomplete` (cut at `max_output_tokens`) finish;
 * `error` and `response.failed` are error parts. Everything else is `other`.
 */
export function responseEventRole(event: OpenAI.Responses.ResponseStreamEvent): StreamPartRole {
  const { type } = event;
  if (errorTypes.has(type)) return 'error';
  if (finishTypes.has(type)) return 'finish';
  if (type.endsWith('.delta') || type.endsWith('.partial_image')) return 'content';
  return preambleTypes.has(type) ? 'preamble' : 'other';
}
