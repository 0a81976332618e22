import type { StreamPartRole } from '@resilient-llm/core/binding';
import { chatChunkRole } from './chat-chunk-role';
import type { OpenAIStreamPart } from './openai-response';
import { responseEventRole } from './response-event-role';

/** The role of a chat chunk or a Responses API event at the commit point. */
export function streamPartRole(part: OpenAIStreamPart): StreamPartRole {
  return isChatChunk(part) ? chatChunkRole(part) : responseEventRole(part);
}

/** Chat chunks say `object: 'chat.completion.chunk'`; Responses events carry a `type` instead. */
export function isChatChunk(
  part: OpenAIStreamPart,
): part is Extract<OpenAIStreamPart, { object: 'chat.completion.chunk' }> {
  return 'object' in part && part.object === 'chat.completion.chunk';
}
