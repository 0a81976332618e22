import { AbortedError } from '@resilient-llm/core';
import type { PendingCall } from './pending-call';

/**
 * A signal for the request that serves `calls`: it fires once every call has settled, so a
 * request nobody waits for any more (all its callers aborted) is cancelled, and a request
 * with one caller left keeps going.
 */
export function groupSignal(calls: readonly PendingCall<unknown, unknown>[]): AbortSignal {
  const controller = new AbortController();
  const check = () => {
    if (!controller.signal.aborted && calls.every((call) => call.settled)) {
      controller.abort(new AbortedError({ message: 'Every caller of this batch has gone.' }));
    }
  };
  for (const call of calls) call.onSettled(check);
  return controller.signal;
}
