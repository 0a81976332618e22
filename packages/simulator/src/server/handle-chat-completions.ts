import type { IncomingMessage, ServerResponse } from 'node:http';
import { estimateTokens } from '../content/estimate-tokens';
import { answerTokens, generateAnswer } from '../content/generate-answer';
import { admitRequest, requestId } from './admit-request';
import { applyResponseFault } from './apply-response-fault';
import { chatCompletionBody, chatCompletionScript } from './chat-completion-body';
import { drawFaults } from './draw-faults';
import type { ModelRuntime } from './model-registry';
import { readChatRequest } from './read-chat-request';
import { serveAnswer } from './serve-answer';
import type { ServerState } from './server-state';

/** `POST /v1/chat/completions`, JSON or SSE. */
export async function handleChatCompletions(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
  runtime: ModelRuntime,
  body: Record<string, unknown>,
): Promise<void> {
  const chat = readChatRequest(body);
  const promptTokens = estimateTokens(chat.promptText);
  const limitTokens = promptTokens + (chat.maxOutputTokens ?? runtime.model.responseTokens);
  const cost = { modelName: chat.model, promptTokens, limitTokens, promptField: 'messages' };
  const exchange = admitRequest(state, request, response, runtime, cost);
  if (!exchange) return;
  const plan = drawFaults(exchange, chat.stream);
  if (plan.response) return applyResponseFault(exchange, plan.response);
  const answer = generateAnswer(chat, {
    seed: state.config.seed,
    responseTokens: runtime.model.responseTokens,
  });
  const usage = { promptTokens, completionTokens: answerTokens(answer) };
  const identity = {
    id: `chatcmpl-${requestId(exchange.requestNumber).slice(4)}`,
    created: Math.floor(state.clock.now() / 1000),
    model: chat.model,
  };
  await serveAnswer(
    exchange,
    plan,
    answer,
    usage,
    chat.stream
      ? { kind: 'stream', script: chatCompletionScript(identity, answer, usage, chat.includeUsage) }
      : { kind: 'json', body: chatCompletionBody(identity, answer, usage) },
  );
}
