import type { IncomingMessage, ServerResponse } from 'node:http';
import { estimateTokens } from '../content/estimate-tokens';
import { answerTokens, generateAnswer } from '../content/generate-answer';
import { admitRequest, requestId } from './admit-request';
import { applyResponseFault } from './apply-response-fault';
import { drawFaults } from './draw-faults';
import type { ModelRuntime } from './model-registry';
import { readResponsesRequest } from './read-responses-request';
import { responseBody, responsesScript } from './responses-body';
import { serveAnswer } from './serve-answer';
import type { ServerState } from './server-state';

/** `POST /v1/responses`, JSON or its SSE event stream. */
export async function handleResponses(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
  runtime: ModelRuntime,
  body: Record<string, unknown>,
): Promise<void> {
  const parsed = readResponsesRequest(body);
  const promptTokens = estimateTokens(parsed.promptText);
  const limitTokens = promptTokens + (parsed.maxOutputTokens ?? runtime.model.responseTokens);
  const cost = { modelName: parsed.model, promptTokens, limitTokens, promptField: 'input' };
  const exchange = admitRequest(state, request, response, runtime, cost);
  if (!exchange) return;
  const plan = drawFaults(exchange, parsed.stream);
  if (plan.response) return applyResponseFault(exchange, plan.response);
  const answer = generateAnswer(parsed, {
    seed: state.config.seed,
    responseTokens: runtime.model.responseTokens,
  });
  const usage = { promptTokens, completionTokens: answerTokens(answer) };
  const identity = {
    id: `resp_${requestId(exchange.requestNumber).slice(4)}`,
    created: Math.floor(state.clock.now() / 1000),
    model: parsed.model,
  };
  await serveAnswer(
    exchange,
    plan,
    answer,
    usage,
    parsed.stream
      ? { kind: 'stream', script: responsesScript(identity, parsed, answer, usage) }
      : { kind: 'json', body: responseBody(identity, parsed, answer, usage) },
  );
}
