import type { LanguageModelV4StreamPart, LanguageModelV4StreamResult } from '@ai-sdk/provider';
import { type ResilientStream, StreamInterruptedError } from '@resilient-llm/core';
import {
  type ResilientMetadata,
  withResilientMetadata,
} from '../language-model/resilient-metadata';
import { isStreamOpenedPart, type ResilientStreamPart } from './stream-opened-part';

/**
 * Turns a committed pipeline stream into what `doStream` returns.
 *
 * The committing attempt's `request` and `response` come from its opening part. The `finish`
 * part gains `providerMetadata.resilientLlm`. A failure after the commit point becomes an
 * `error` part carrying `StreamInterruptedError` (its `partialParts` are the AI SDK parts
 * delivered), after which the stream closes: `streamText` reports it through `onError` and
 * `fullStream`, and no other model's answer is ever appended.
 */
export async function toLanguageModelStream(
  stream: ResilientStream<ResilientStreamPart>,
  metadata: ResilientMetadata,
  surface: (error: unknown) => unknown,
): Promise<LanguageModelV4StreamResult> {
  const iterator = stream[Symbol.asyncIterator]();
  // The buffer replays the opening part first, so this resolves without waiting.
  const first = await iterator.next();
  const opened = !first.done && isStreamOpenedPart(first.value) ? first.value : undefined;
  let pending = first.done || opened ? undefined : first.value;
  let cancelled = false;
  return {
    request: opened?.request,
    response: opened?.response,
    stream: new ReadableStream<LanguageModelV4StreamPart>({
      async pull(controller) {
        try {
          const next = pending ? { done: false as const, value: pending } : await iterator.next();
          pending = undefined;
          if (cancelled) return;
          if (next.done) return controller.close();
          const part = next.value;
          if (isStreamOpenedPart(part)) return;
          controller.enqueue(
            part.type === 'finish'
              ? {
                  ...part,
                  providerMetadata: withResilientMetadata(part.providerMetadata, metadata),
                }
              : part,
          );
        } catch (error) {
          if (cancelled) return;
          controller.enqueue({ type: 'error', error: surface(withoutOpenedParts(error)) });
          controller.close();
        }
      },
      cancel(reason) {
        cancelled = true;
        stream.cancel(reason);
      },
    }),
  };
}

function withoutOpenedParts(error: unknown): unknown {
  if (!StreamInterruptedError.isInstance(error)) return error;
  const interrupted = error as StreamInterruptedError<ResilientStreamPart>;
  return new StreamInterruptedError<LanguageModelV4StreamPart>({
    partialParts: interrupted.partialParts.filter(
      (part): part is LanguageModelV4StreamPart => !isStreamOpenedPart(part),
    ),
    usage: interrupted.usage,
    targetId: interrupted.targetId,
    failure: interrupted.failure,
  });
}
