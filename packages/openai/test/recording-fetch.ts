import type { SimulatorClock } from '@resilient-llm/simulator';

/** One HTTP exchange as the client saw it, timed on the test's clock. */
export interface RecordedExchange {
  /** Order in which requests were sent, from 0. */
  readonly sequence: number;
  /** The `x-call-id` header the test put on the request, if any. */
  readonly callId: string | null;
  readonly sentAt: number;
  receivedAt?: number;
  status?: number;
  /** The wait a 429 asked for (`retry-after-ms`, else `retry-after` in seconds). */
  retryAfterMs?: number;
  /** How many responses had arrived when this request was sent. */
  readonly responsesBeforeSend: number;
}

/** A `fetch` for the SDK that records every exchange's times on `clock`. */
export function createRecordingFetch(clock: SimulatorClock) {
  const exchanges: RecordedExchange[] = [];
  let responses = 0;
  const recordingFetch = async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const exchange: RecordedExchange = {
      sequence: exchanges.length,
      callId: headers.get('x-call-id'),
      sentAt: clock.now(),
      responsesBeforeSend: responses,
    };
    exchanges.push(exchange);
    const response = await fetch(input, init);
    responses++;
    exchange.receivedAt = clock.now();
    exchange.status = response.status;
    const retryAfterMs = response.headers.get('retry-after-ms');
    const retryAfter = response.headers.get('retry-after');
    if (retryAfterMs !== null) exchange.retryAfterMs = Number(retryAfterMs);
    else if (retryAfter !== null) exchange.retryAfterMs = Number(retryAfter) * 1000;
    return response;
  };
  return { fetch: recordingFetch, exchanges };
}
