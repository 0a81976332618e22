import type { ResponseFault } from '../faults/fault-plan';
import { retryAfterHeaders } from '../rate-limit/rate-limit-headers';
import {
  contextLengthBody,
  insufficientQuotaBody,
  overloadedBody,
  rateLimitBody,
  serverErrorBody,
} from '../server/error-bodies';
import { SimulatedFaultError } from './simulated-fault-error';

type ErrorFault = Exclude<ResponseFault, { type: 'hang' }>;

/** The error a response-replacing fault throws in process: what the HTTP server would send. */
export function faultError(fault: ErrorFault): SimulatedFaultError {
  switch (fault.type) {
    case 'server-error':
      return httpError(fault.type, fault.status, serverErrorBody(fault.status), true);
    case 'overloaded':
      return httpError(fault.type, 529, overloadedBody(), true);
    case 'rate-limit': {
      const body = rateLimitBody({
        model: 'in-process',
        kind: 'requests',
        limit: 0,
        used: 0,
        requested: 1,
        waitMs: fault.retryAfterMs,
        scope: 'shared capacity pool',
      });
      return httpError(fault.type, 429, body, true, retryAfterHeaders(fault.retryAfterMs));
    }
    case 'insufficient-quota':
      return httpError(fault.type, 429, insufficientQuotaBody(), false);
    case 'connection-reset': {
      const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
      return new SimulatedFaultError({
        fault: fault.type,
        message: 'Connection reset (simulated).',
        isRetryable: true,
        cause,
      });
    }
  }
}

/** 400 `context_length_exceeded`: never retryable. */
export function contextLengthError(
  contextWindow: number,
  promptTokens: number,
): SimulatedFaultError {
  return httpError(
    'context-length',
    400,
    contextLengthBody(contextWindow, promptTokens, 'messages'),
    false,
  );
}

/** The error ending a stream that dropped mid-way. */
export function streamDroppedError(): SimulatedFaultError {
  const cause = Object.assign(new Error('terminated'), { code: 'UND_ERR_SOCKET' });
  return new SimulatedFaultError({
    fault: 'drop',
    message: 'Stream dropped mid-way (simulated).',
    isRetryable: true,
    cause,
  });
}

/** The error part standing for a broken SSE event. */
export function malformedChunkError(): SimulatedFaultError {
  return new SimulatedFaultError({
    fault: 'malformed-chunk',
    message: 'Malformed stream chunk (simulated): invalid JSON.',
    isRetryable: false,
  });
}

function httpError(
  fault: SimulatedFaultError['fault'],
  status: number,
  body: { error: { message: string } } | object,
  isRetryable: boolean,
  headers: Record<string, string> = {},
): SimulatedFaultError {
  const responseBody = JSON.stringify(body);
  const message =
    'error' in body && typeof body.error === 'object' && body.error && 'message' in body.error
      ? String(body.error.message)
      : `HTTP ${status}`;
  return new SimulatedFaultError({
    fault,
    message,
    statusCode: status,
    responseHeaders: { 'content-type': 'application/json', ...headers },
    responseBody,
    isRetryable,
  });
}
