import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ModelRuntime } from './model-registry';
import { readResponsesRequest } from './read-responses-request';
import { responseBody, responsesScript } from './responses-body';
import { serveGeneration } from './serve-generation';
import type { ServerState } from './server-state';

/** `POST /v1/responses`, JSON or its SSE event stream. */
export function handleResponses(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
  runtime: ModelRuntime,
  body: Record<string, unknown>,
): Promise<void> {
  return serveGeneration({ state, request, response, runtime }, readResponsesRequest(body), {
    promptField: 'input',
    idPrefix: 'resp_',
    render: (identity, parsed, answer, usage) =>
      parsed.stream
        ? { kind: 'stream', script: responsesScript(identity, parsed, answer, usage) }
        : { kind: 'json', body: responseBody(identity, parsed, answer, usage) },
  });
}
