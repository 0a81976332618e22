import type { IncomingMessage, ServerResponse } from 'node:http';
import { admitRequest } from './admit-request';
import { applyResponseFault } from './apply-response-fault';
import { drawFaults } from './draw-faults';
import { embeddingsBody } from './embeddings-body';
import type { ModelRuntime } from './model-registry';
import { readEmbeddingsRequest } from './read-embeddings-request';
import { serveAnswer } from './serve-answer';
import type { ServerState } from './server-state';

/** `POST /v1/embeddings`: deterministic unit vectors, float or base64. */
export async function handleEmbeddings(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
  runtime: ModelRuntime,
  body: Record<string, unknown>,
): Promise<void> {
  const parsed = readEmbeddingsRequest(body);
  const cost = {
    modelName: parsed.model,
    promptTokens: parsed.promptTokens,
    limitTokens: parsed.promptTokens,
    promptField: 'input',
  };
  const exchange = admitRequest(state, request, response, runtime, cost);
  if (!exchange) return;
  const plan = drawFaults(exchange, false);
  if (plan.response) return applyResponseFault(exchange, plan.response);
  const dimensions = parsed.dimensions ?? runtime.model.embeddingDimensions;
  const usage = { promptTokens: parsed.promptTokens, completionTokens: 0 };
  await serveAnswer(exchange, plan, undefined, usage, {
    kind: 'json',
    body: embeddingsBody(parsed, state.config.seed, dimensions),
  });
}
