import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { StreamPartRole } from '@resilient-llm/core/binding';

// Parts that carry output the caller sees: the first of them commits the stream to its model.
// `text-start`, `reasoning-start` and `tool-input-end` only frame output, so a failure right
// after them can still fall over invisibly (they are buffered and dropped with the attempt).
const contentTypes: ReadonlySet<string> = new Set([
  'text-delta',
  'reasoning-delta',
  'tool-input-start',
  'tool-input-delta',
  'tool-call',
  'tool-result',
  'tool-approval-request',
  'file',
  'reasoning-file',
  'source',
]);

/**
 * The role of an AI SDK stream part at the commit point: `stream-start` and
 * `response-metadata` are preamble; output parts (text, reasoning and tool input
 * deltas, tool calls and results, files, sources) are content, except empty deltas, which
 * some providers send before any output; `finish` proves completion; `error` fails the
 * attempt; the rest (`text-start`, `raw`, ...) passes along in order.
 */
export function partRole(part: LanguageModelV4StreamPart): StreamPartRole {
  switch (part.type) {
    case 'finish':
      return 'finish';
    case 'error':
      return 'error';
    case 'stream-start':
    case 'response-metadata':
      return 'preamble';
    case 'text-delta':
    case 'reasoning-delta':
      return part.delta === '' ? 'other' : 'content';
    default:
      return contentTypes.has(part.type) ? 'content' : 'other';
  }
}
