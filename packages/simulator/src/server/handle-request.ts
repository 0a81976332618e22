import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyCors } from './cors';
import { modelNotFoundBody, openAIError } from './error-bodies';
import { handleChatCompletions } from './handle-chat-completions';
import { handleEmbeddings } from './handle-embeddings';
import { handleResponses } from './handle-responses';
import { sendJson } from './http-output';
import { readJsonBody } from './read-json-body';
import type { ServerState } from './server-state';

const MODEL_ROUTES = {
  '/v1/chat/completions': handleChatCompletions,
  '/v1/responses': handleResponses,
  '/v1/embeddings': handleEmbeddings,
} as const;

/** Routes one HTTP request to its endpoint, after the CORS headers (or a preflight's answer). */
export async function handleRequest(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (applyCors(request, response, state.config.corsOrigins)) return;
  const path = (request.url ?? '/').split('?')[0]!.replace(/\/+$/, '');
  if (request.method === 'GET' && path.startsWith('/v1/models'))
    return listModels(state, path, response);
  const handler =
    request.method === 'POST' ? MODEL_ROUTES[path as keyof typeof MODEL_ROUTES] : undefined;
  if (!handler) {
    request.resume();
    const message = `Unknown request URL: ${request.method} ${path}.`;
    return sendJson(response, 404, openAIError(message, 'invalid_request_error', 'unknown_url'));
  }
  const body = await readJsonBody(request);
  if (!body) {
    return sendJson(
      response,
      400,
      openAIError('The request body is not a JSON object.', 'invalid_request_error'),
    );
  }
  const modelName = typeof body.model === 'string' ? body.model : '';
  const runtime = modelName ? state.models.get(modelName) : undefined;
  if (!runtime) return sendJson(response, 404, modelNotFoundBody(modelName));
  await handler(state, request, response, runtime, body);
}

function listModels(state: ServerState, path: string, response: ServerResponse): void {
  const describe = (id: string) => ({
    id,
    object: 'model',
    created: 0,
    owned_by: 'resilient-llm-simulator',
  });
  const single = path.slice('/v1/models/'.length);
  if (path.startsWith('/v1/models/') && single) {
    const name = decodeURIComponent(single);
    if (state.models.get(name)) sendJson(response, 200, describe(name));
    else sendJson(response, 404, modelNotFoundBody(name));
    return;
  }
  sendJson(response, 200, { object: 'list', data: state.models.names().map(describe) });
}
