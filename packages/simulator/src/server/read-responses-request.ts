import type { AnswerRequest } from '../content/answer-request';
import { isRecord } from '../content/json-schema';
import {
  contentText,
  optionalCount,
  readFormat,
  readToolChoice,
  readTools,
} from './request-fields';

/** Reads a `/v1/responses` body into the simulator's request shape. */
export function readResponsesRequest(body: Record<string, unknown>): AnswerRequest {
  const items: Record<string, unknown>[] =
    typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : [];
  if (Array.isArray(body.input)) items.push(...body.input.filter(isRecord));
  const texts: string[] = typeof body.instructions === 'string' ? [body.instructions] : [];
  let lastUserText = '';
  for (const item of items) {
    const text = itemText(item);
    texts.push(text);
    if (item.role === 'user') lastUserText = text;
  }
  const textOptions = isRecord(body.text) ? body.text : {};
  return {
    model: typeof body.model === 'string' ? body.model : '',
    promptText: texts.join('\n'),
    lastUserText,
    maxOutputTokens: optionalCount(body.max_output_tokens),
    stream: body.stream === true,
    format: readFormat(textOptions.format),
    tools: readTools(body.tools),
    toolChoice: readToolChoice(body.tool_choice),
    endsWithToolResult: items.at(-1)?.type === 'function_call_output',
    requestSeed: undefined,
    instructions: typeof body.instructions === 'string' ? body.instructions : undefined,
  };
}

function itemText(item: Record<string, unknown>): string {
  if (item.type === 'function_call') return `${String(item.name)}${String(item.arguments)}`;
  if (item.type === 'function_call_output')
    return typeof item.output === 'string' ? item.output : JSON.stringify(item.output);
  return contentText(item.content);
}
