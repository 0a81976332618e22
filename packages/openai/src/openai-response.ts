import type OpenAI from 'openai';

/** What a non-streaming endpoint answers. */
export type OpenAIResult =
  | OpenAI.Chat.ChatCompletion
  | OpenAI.Responses.Response
  | OpenAI.CreateEmbeddingResponse;

/** One answered attempt: the parsed body and the HTTP response it came in (for its headers). */
export interface OpenAIResponse {
  readonly data: OpenAIResult;
  readonly response: Response;
}

/** One part of a stream: a chat completion chunk or a Responses API event. */
export type OpenAIStreamPart =
  | OpenAI.Chat.ChatCompletionChunk
  | OpenAI.Responses.ResponseStreamEvent;
