import type { OutputFormat, ToolChoice, ToolDefinition } from '../content/answer-request';
import { isRecord, type JsonSchema } from '../content/json-schema';

/** Text of message content: a string, or the text parts of a content array. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .filter(Boolean)
    .join('\n');
}

/** A positive integer field, or undefined. */
export function optionalCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? Math.floor(value)
    : undefined;
}

/** Reads the format of chat's `response_format` or responses' `text.format`. */
export function readFormat(format: unknown): OutputFormat {
  if (!isRecord(format)) return { type: 'text' };
  if (format.type === 'json_object') return { type: 'json_object' };
  if (format.type !== 'json_schema') return { type: 'text' };
  // Chat nests the schema under `json_schema`; the Responses API puts it on the format itself.
  const holder = isRecord(format.json_schema) ? format.json_schema : format;
  return {
    type: 'json_schema',
    schema: isRecord(holder.schema) ? (holder.schema as JsonSchema) : {},
  };
}

/** Reads function tools in chat (`{type, function: {...}}`) or responses (`{type, name, ...}`) shape. */
export function readTools(tools: unknown): ToolDefinition[] {
  if (!Array.isArray(tools)) return [];
  return tools.flatMap((tool) => {
    if (!isRecord(tool) || tool.type !== 'function') return [];
    const definition = isRecord(tool.function) ? tool.function : tool;
    if (typeof definition.name !== 'string') return [];
    const parameters = isRecord(definition.parameters) ? (definition.parameters as JsonSchema) : {};
    return [{ name: definition.name, parameters }];
  });
}

/** Reads `tool_choice` in either API's shape. */
export function readToolChoice(choice: unknown): ToolChoice {
  if (choice === 'none' || choice === 'required' || choice === 'auto') return choice;
  if (isRecord(choice)) {
    const named = isRecord(choice.function) ? choice.function.name : choice.name;
    if (typeof named === 'string') return { name: named };
  }
  return 'auto';
}
