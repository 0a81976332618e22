import type { IncomingMessage, ServerResponse } from 'node:http';
import { rateLimitHeaders, retryAfterHeaders } from '../rate-limit/rate-limit-headers';
import { contextLengthBody, rateLimitBody } from './error-bodies';
import { sendJson } from './http-output';
import type { ModelRuntime } from './model-registry';
import type { ServerState } from './server-state';
import { type CounterSlices, recordCount, recordEnd, recordOutcome } from './stats-recorder';

const EXCHANGE_ENDED = new Error('The exchange ended: the client left or the server closed.');

/** A request that passed context and rate-limit checks. */
export interface Exchange {
  readonly state: ServerState;
  readonly response: ServerResponse;
  readonly runtime: ModelRuntime;
  readonly slices: CounterSlices;
  /** Fires when the client leaves or the server closes. */
  readonly signal: AbortSignal;
  /** Rate-limit headers and request id, sent on every response. */
  readonly headers: Record<string, string>;
  readonly requestNumber: number;
}

/** What a model endpoint measured in its request. */
export interface RequestCost {
  readonly modelName: string;
  readonly promptTokens: number;
  /** Tokens counted against limits: prompt plus the most output asked for. */
  readonly limitTokens: number;
  /** Body field the prompt came from, named by a context-length error. */
  readonly promptField: string;
}

/**
 * Counts the request, enforces the context window, the key's limits and the shared pool, and
 * answers the refusals itself. Returns the exchange to serve, or undefined when answered.
 */
export function admitRequest(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
  runtime: ModelRuntime,
  cost: RequestCost,
): Exchange | undefined {
  const key = apiKeyOf(request);
  const slices = state.stats.begin(key, cost.modelName);
  const controller = new AbortController();
  state.active.add(controller);
  response.once('close', () => {
    // A fixed reason: a default abort would build a DOMException for every single request.
    controller.abort(EXCHANGE_ENDED);
    state.active.delete(controller);
    recordEnd(slices);
  });
  const requestNumber = state.nextId++;
  const { model, limiter, pool } = runtime;
  if (cost.promptTokens > model.contextWindow) {
    const headers = {
      ...rateLimitHeaders(limiter.peek(key)),
      'x-request-id': requestId(requestNumber),
    };
    recordOutcome(slices, '400');
    sendJson(
      response,
      400,
      contextLengthBody(model.contextWindow, cost.promptTokens, cost.promptField),
      headers,
    );
    return undefined;
  }
  let admission = limiter.admit(key, cost.limitTokens);
  const poolAdmission =
    admission.exceeded === undefined ? pool?.admit('*', cost.limitTokens) : undefined;
  if (poolAdmission?.exceeded) {
    // The pool refused: the key's own counters must not pay for a request never served.
    limiter.release(key, cost.limitTokens);
    admission = { exceeded: undefined, retryAfterMs: 0, snapshot: limiter.peek(key) };
  }
  const headers = {
    ...rateLimitHeaders(admission.snapshot),
    'x-request-id': requestId(requestNumber),
  };
  const refusal = admission.exceeded
    ? {
        kind: admission.exceeded,
        snapshot: admission.snapshot,
        waitMs: admission.retryAfterMs,
        scope: `organization for key ${maskKey(key)}`,
      }
    : poolAdmission?.exceeded
      ? {
          kind: poolAdmission.exceeded,
          snapshot: poolAdmission.snapshot,
          waitMs: poolAdmission.retryAfterMs,
          scope: 'shared capacity pool',
        }
      : undefined;
  if (refusal) {
    const { kind, snapshot, waitMs } = refusal;
    const limit = kind === 'requests' ? snapshot.limitRequests : snapshot.limitTokens;
    const remaining = kind === 'requests' ? snapshot.remainingRequests : snapshot.remainingTokens;
    const requested = kind === 'requests' ? 1 : cost.limitTokens;
    recordOutcome(slices, '429');
    recordCount(slices, 'rateLimited');
    const body = rateLimitBody({
      model: model.name,
      kind,
      limit,
      used: limit - remaining,
      requested,
      waitMs,
      scope: refusal.scope,
    });
    sendJson(response, 429, body, { ...headers, ...retryAfterHeaders(waitMs) });
    return undefined;
  }
  return { state, response, runtime, slices, signal: controller.signal, headers, requestNumber };
}

/** Response id suffix and `x-request-id` of a request number. */
export function requestId(requestNumber: number): string {
  return `req_${requestNumber.toString(16).padStart(8, '0')}`;
}

function apiKeyOf(request: IncomingMessage): string {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return match?.[1]?.trim() || 'anonymous';
}

function maskKey(key: string): string {
  return key.length > 8 ? `${key.slice(0, 3)}...${key.slice(-4)}` : key;
}
