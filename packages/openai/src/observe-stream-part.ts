import type { Observation } from '@resilient-llm/core';
import type { OpenAIStreamPart } from './openai-response';
import { isChatChunk } from './stream-part-role';
import { usageOf } from './usage-of';

/**
 * Token usage carried by a stream part: the usage chunk of a chat stream (sent when the
 * request asks for `stream_options: { include_usage: true }`), or the response inside
 * `response.completed` / `response.incomplete`.
 */
export function observeStreamPart(part: OpenAIStreamPart): Observation | undefined {
  const usage = isChatChunk(part)
    ? usageOf(part.usage)
    : part.type === 'response.completed' || part.type === 'response.incomplete'
      ? usageOf(part.response.usage)
      : undefined;
  return usage ? { usage } : undefined;
}
