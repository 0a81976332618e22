import { createPendingCall, type PendingCall } from './pending-call';
import type { WindowQueue } from './window-queue';

/**
 * Queues one caller's input as a pending call that leaves the queue when its signal fires.
 * A queue that throws while adding (a throwing clock or token estimate) fails this call
 * alone, as a rejection.
 */
export function enqueueCall<TInput, TResult>(
  queue: WindowQueue<PendingCall<TInput, TResult>>,
  input: TInput,
  signal: AbortSignal | undefined,
): Promise<TResult> {
  const call = createPendingCall<TInput, TResult>(input, {
    signal,
    onAbort: (aborted) => queue.remove(aborted),
  });
  try {
    if (!call.settled) queue.add(call);
  } catch (error) {
    call.reject(error);
  }
  return call.promise;
}
