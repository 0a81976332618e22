import type { JsonSchema } from './json-schema';

/** The requested output format. */
export type OutputFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | { readonly type: 'json_schema'; readonly schema: JsonSchema };

/** A function tool the caller offers. */
export interface ToolDefinition {
  readonly name: string;
  readonly parameters: JsonSchema;
}

/** How the caller lets the model use tools. */
export type ToolChoice = 'auto' | 'none' | 'required' | { readonly name: string };

/** What chat completions and responses requests have in common, as the simulator reads them. */
export interface AnswerRequest {
  readonly model: string;
  /** All message text, for the token estimate and the content hash. */
  readonly promptText: string;
  /** Text of the last user message, where batch items are looked for. */
  readonly lastUserText: string;
  readonly maxOutputTokens: number | undefined;
  readonly stream: boolean;
  readonly format: OutputFormat;
  readonly tools: readonly ToolDefinition[];
  readonly toolChoice: ToolChoice;
  /** True when the conversation ends with a tool result, so `auto` answers in text. */
  readonly endsWithToolResult: boolean;
  /** The request's own `seed`, mixed into the content hash. */
  readonly requestSeed: number | undefined;
  /** Responses API `instructions`, echoed in the response object. */
  readonly instructions?: string;
}

/** One generated tool call. */
interface GeneratedToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

/** A generated answer: text pieces (one simulated token each) or tool calls. */
export type Answer =
  | { readonly kind: 'text'; readonly pieces: readonly string[]; readonly truncated: boolean }
  | { readonly kind: 'tool-calls'; readonly calls: readonly GeneratedToolCall[] };
