import type { LanguageModelV4StreamResult } from '@ai-sdk/provider';
import { IncompleteStreamError } from '@resilient-llm/core';
import { type ResilientStreamPart, streamOpenedType } from './stream-opened-part';

/**
 * The parts of one attempt's `doStream` result for the pipeline: first a
 * `StreamOpenedPart` with the request and response, then the model's parts.
 *
 * A `finish` part whose reason is `interrupted` means the provider's stream ended without its
 * completion signal (the AI SDK's providers report a cut connection that way): that is no
 * finish, so it becomes an `IncompleteStreamError`, which falls over before the commit point
 * and interrupts the stream after it.
 */
export async function* readStreamParts(
  result: LanguageModelV4StreamResult,
  targetId: string,
): AsyncGenerator<ResilientStreamPart, void, undefined> {
  yield { type: streamOpenedType, request: result.request, response: result.response };
  const reader = result.stream.getReader();
  let done = false;
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
    // Stopped early or failed: the model's stream must release its connection.
    if (!done) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
