import type { AnswerRequest } from '../content/answer-request';
import { isRecord } from '../content/json-schema';
import {
  contentText,
  optionalCount,
  readFormat,
  readToolChoice,
  readTools,
} from './request-fields';

/** Reads a `/v1/chat/completions` body into the simulator's request shape. */
export function readChatRequest(
  body: Record<string, unknown>,
): AnswerRequest & { includeUsage: boolean } {
  const messages = Array.isArray(body.messages) ? body.messages.filter(isRecord) : [];
  const texts: string[] = [];
  let lastUserText = '';
  for (const message of messages) {
    const text = contentText(message.content);
    const toolArguments = Array.isArray(message.tool_calls)
      ? JSON.stringify(message.tool_calls)
      : '';
    texts.push(text + toolArguments);
    if (message.role === 'user') lastUserText = text;
  }
  const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
  return {
    model: typeof body.model === 'string' ? body.model : '',
    promptText: texts.join('\n'),
    lastUserText,
    maxOutputTokens: optionalCount(body.max_completion_tokens) ?? optionalCount(body.max_tokens),
    stream: body.stream === true,
    includeUsage: streamOptions.include_usage === true,
    format: readFormat(body.response_format),
    tools: readTools(body.tools),
    toolChoice: readToolChoice(body.tool_choice),
    endsWithToolResult: messages.at(-1)?.role === 'tool',
    requestSeed: optionalCount(body.seed),
  };
}
