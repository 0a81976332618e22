import type { ResilientStream } from '@resilient-llm/core';
import type OpenAI from 'openai';
import { Stream } from 'openai/core/streaming';

/**
 * Presents a committed stream as the SDK's own `Stream`: async iteration, `tee()`,
 * `toReadableStream()`, and `controller.abort()`, which cancels the stream and closes the
 * connection of the attempt, as it does for the SDK's streams.
 */
export function toSdkStream<TPart>(
  stream: ResilientStream<TPart>,
  controller: AbortController,
  client?: OpenAI,
): Stream<TPart> {
  const cancel = () => stream.cancel(controller.signal.reason);
  if (controller.signal.aborted) cancel();
  else controller.signal.addEventListener('abort', cancel, { once: true });
  return new Stream<TPart>(() => stream[Symbol.asyncIterator](), controller, client);
}
