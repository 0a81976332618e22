import type { IncomingMessage, ServerResponse } from 'node:http';
import { chatCompletionBody, chatCompletionScript } from './chat-completion-body';
import type { ModelRuntime } from './model-registry';
import { readChatRequest } from './read-chat-request';
import { serveGeneration } from './serve-generation';
import type { ServerState } from './server-state';

/** `POST /v1/chat/completions`, JSON or SSE. */
export function handleChatCompletions(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
  runtime: ModelRuntime,
  body: Record<string, unknown>,
): Promise<void> {
  return serveGeneration({ state, request, response, runtime }, readChatRequest(body), {
    promptField: 'messages',
    idPrefix: 'chatcmpl-',
    render: (identity, chat, answer, usage) =>
      chat.stream
        ? {
            kind: 'stream',
            script: chatCompletionScript(identity, answer, usage, chat.includeUsage),
          }
        : { kind: 'json', body: chatCompletionBody(identity, answer, usage) },
  });
}
