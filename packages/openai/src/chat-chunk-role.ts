import type { StreamPartRole } from '@resilient-llm/core/binding';
import type OpenAI from 'openai';

type ChunkDelta = OpenAI.Chat.ChatCompletionChunk.Choice.Delta;

/**
 * The role of a chat completion chunk at the commit point: a chunk with a `finish_reason`
 * finishes (and commits an empty answer); a chunk with text, a refusal, reasoning text or a
 * tool-call delta commits; the usage chunk after the finish (no choices) is `other`; the
 * role-only chunk that opens a stream is preamble.
 */
export function chatChunkRole(chunk: OpenAI.Chat.ChatCompletionChunk): StreamPartRole {
  const choices = chunk.choices ?? [];
  if (choices.some((choice) => choice.finish_reason)) return 'finish';
  if (choices.some((choice) => hasContent(choice.delta))) return 'content';
  return choices.length === 0 ? 'other' : 'preamble';
}

function hasContent(delta: ChunkDelta | undefined): boolean {
  if (!delta) return false;
  if (delta.content || delta.refusal || delta.function_call) return true;
  if (delta.tool_calls && delta.tool_calls.length > 0) return true;
  // OpenAI-compatible reasoning models stream their thinking in fields the SDK does not type;
  // it is output the caller sees, so it commits like text.
  const extra = delta as Record<string, unknown>;
  return Boolean(extra.reasoning_content || extra.reasoning);
}
