import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer, AnswerRequest } from '../content/answer-request';
import { estimateTokens } from '../content/estimate-tokens';
import { answerTokens, generateAnswer } from '../content/generate-answer';
import { admitRequest, requestId } from './admit-request';
import { applyResponseFault } from './apply-response-fault';
import type { CompletionIdentity } from './chat-completion-body';
import { drawFaults } from './draw-faults';
import type { ModelRuntime } from './model-registry';
import { type AnswerDelivery, serveAnswer } from './serve-answer';
import type { ServerState } from './server-state';
import type { TokenUsage } from './usage';

/** How one text-generation endpoint names and renders its answers. */
export interface GenerationEndpoint<TRequest extends AnswerRequest> {
  /** The request field that holds the prompt, for context-length errors. */
  readonly promptField: string;
  /** Prefix of response ids (`chatcmpl-`, `resp_`). */
  readonly idPrefix: string;
  /** The answer as this endpoint sends it, JSON or a stream script. */
  render(
    identity: CompletionIdentity,
    request: TRequest,
    answer: Answer,
    usage: TokenUsage,
  ): AnswerDelivery;
}

/**
 * The flow every text-generation endpoint shares: count the prompt, admit the request
 * against rate limits, draw faults, generate the answer and send it the endpoint's way.
 */
export async function serveGeneration<TRequest extends AnswerRequest>(
  exchangeInput: {
    state: ServerState;
    request: IncomingMessage;
    response: ServerResponse;
    runtime: ModelRuntime;
  },
  parsed: TRequest,
  endpoint: GenerationEndpoint<TRequest>,
): Promise<void> {
  const { state, request, response, runtime } = exchangeInput;
  const promptTokens = estimateTokens(parsed.promptText);
  const limitTokens = promptTokens + (parsed.maxOutputTokens ?? runtime.model.responseTokens);
  const cost = {
    modelName: parsed.model,
    promptTokens,
    limitTokens,
    promptField: endpoint.promptField,
  };
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
    id: `${endpoint.idPrefix}${requestId(exchange.requestNumber).slice(4)}`,
    created: Math.floor(state.clock.now() / 1000),
    model: parsed.model,
  };
  await serveAnswer(
    exchange,
    plan,
    answer,
    usage,
    endpoint.render(identity, parsed, answer, usage),
  );
}
