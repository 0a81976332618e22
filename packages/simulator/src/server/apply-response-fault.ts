import type { ResponseFault } from '../faults/fault-plan';
import { retryAfterHeaders } from '../rate-limit/rate-limit-headers';
import type { Exchange } from './admit-request';
import {
  insufficientQuotaBody,
  overloadedBody,
  rateLimitBody,
  serverErrorBody,
} from './error-bodies';
import { sendJson } from './http-output';
import { recordCount, recordOutcome } from './stats-recorder';

/** Answers with a response-replacing fault: an error status, a reset or a hang. */
export function applyResponseFault(exchange: Exchange, fault: ResponseFault): void {
  const { response, headers, slices, runtime } = exchange;
  switch (fault.type) {
    case 'server-error':
      recordOutcome(slices, String(fault.status));
      sendJson(response, fault.status, serverErrorBody(fault.status), headers);
      return;
    case 'overloaded':
      recordOutcome(slices, '529');
      sendJson(response, 529, overloadedBody(), headers);
      return;
    case 'rate-limit': {
      recordOutcome(slices, '429');
      recordCount(slices, 'rateLimited');
      const limit = runtime.model.rateLimit.requestsPerWindow;
      const body = rateLimitBody({
        model: runtime.model.name,
        kind: 'requests',
        limit,
        used: limit,
        requested: 1,
        waitMs: fault.retryAfterMs,
        scope: 'shared capacity pool',
      });
      sendJson(response, 429, body, { ...headers, ...retryAfterHeaders(fault.retryAfterMs) });
      return;
    }
    case 'insufficient-quota':
      recordOutcome(slices, '429');
      sendJson(response, 429, insufficientQuotaBody(), headers);
      return;
    case 'connection-reset':
      recordOutcome(slices, 'connection-reset');
      response.socket?.destroy();
      return;
    case 'hang':
      // Nothing is sent: the client's timeout, its abort or server close ends the exchange.
      recordOutcome(slices, 'hang');
      return;
  }
}
