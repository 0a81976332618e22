import type { LanguageModelV4StreamPart, LanguageModelV4StreamResult } from '@ai-sdk/provider';
import { IncompleteStreamError } from '@resilient-llm/core';

/**
 * The parts of one attempt's `doStream` result for the pipeline, as the model gave them.
 *
 * A `finish` part whose reason is `interrupted` means the provider's stream ended without its
 * completion signal (the AI SDK's providers report a cut connection that way): that is no
 * finish, so it becomes an `IncompleteStreamError`, which falls over before the commit point
 * and interrupts the stream after it.
 *
 * When the attempt's `signal` fires, the model's stream is cancelled even if the model
 * ignores its `abortSignal` once the stream is open, so no connection outlives its attempt.
 */
export async function* readStreamParts(
  result: LanguageModelV4StreamResult,
  { targetId, signal }: { targetId: string; signal: AbortSignal },
): AsyncGenerator<LanguageModelV4StreamPart, void, undefined> {
  const reader = result.stream.getReader();
  let done = false;
  const cancel = () => {
    reader.cancel(signal.reason).catch(() => {});
  };
  if (signal.aborted) cancel();
  else signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      const part = next.value;
      if (part.type === 'finish' && part.finishReason.unified === 'interrupted') {
        throw new IncompleteStreamError({ targetId });
      }
      yield part;
    }
  } finally {
    signal.removeEventListener('abort', cancel);
    // Stopped early or failed: the model's stream must release its connection.
    if (!done) cancel();
    reader.releaseLock();
  }
}
