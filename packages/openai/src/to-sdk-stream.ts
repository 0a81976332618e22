import type { ResilientStream } from '@resilient-llm/core';
import type OpenAI from 'openai';
import { Stream } from 'openai/core/streaming';

/** Options of {@link toSdkStream}. */
export interface ToSdkStreamOptions {
  /** The caller's signal: aborting it mid-stream stops the stream as `controller.abort()` does. Defaults to none. */
  readonly signal?: AbortSignal;
  /** The client of the answering target, for the SDK's logging. Defaults to none. */
  readonly client?: OpenAI;
}

/**
 * Presents a committed stream as the SDK's own `Stream`: async iteration, `tee()`,
 * `toReadableStream()`, and `controller.abort()`. As with the SDK's streams, aborting (through
 * the controller or the caller's signal) closes the connection of the attempt and ends the
 * iteration quietly; any other failure after the commit point is thrown as
 * `StreamInterruptedError`.
 */
export function toSdkStream<TPart>(
  stream: ResilientStream<TPart>,
  { signal, client }: ToSdkStreamOptions = {},
): Stream<TPart> {
  const controller = new AbortController();
  const abortFromCaller = () => controller.abort(signal?.reason);
  const stopListening = () => signal?.removeEventListener('abort', abortFromCaller);
  const cancel = () => {
    stopListening();
    stream.cancel(controller.signal.reason);
  };
  if (signal?.aborted) abortFromCaller();
  else signal?.addEventListener('abort', abortFromCaller, { once: true });
  if (controller.signal.aborted) cancel();
  else controller.signal.addEventListener('abort', cancel, { once: true });
  // However the stream ends, read or not (cancelled, aborted, cut, past its deadline), the
  // caller's signal must not keep a listener, nor through it the stream, alive.
  void stream.settled.then(stopListening);

  async function* iterate(): AsyncGenerator<TPart, void, undefined> {
    try {
      for await (const part of stream) yield part;
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      stopListening();
    }
  }
  return new Stream<TPart>(iterate, controller, client);
}
