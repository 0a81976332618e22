import type { LanguageModelV4StreamPart, LanguageModelV4StreamResult } from '@ai-sdk/provider';
import type { ResilientStream } from '@resilient-llm/core';
import { type ResilientMetadata, withResilientMetadata } from '../metadata/resilient-metadata';
import type { LanguageModelStreamOpened } from './stream-opened';

/**
 * Turns a committed pipeline stream into what `doStream` returns.
 *
 * The committing attempt's `request` and `response` are what its stream `opened` (a cache hit
 * gives back the ones it stored; a stage that answers without them leaves them out). The `finish`
 * part gains `providerMetadata.resilientLlm`. A failure after the commit point becomes an
 * `error` part carrying `StreamInterruptedError` (its `partialParts` are the AI SDK parts
 * delivered), after which the stream closes: `streamText` reports it through `onError` and
 * `fullStream`, and no other model's answer is ever appended.
 */
export async function toLanguageModelStream(
  stream: ResilientStream<LanguageModelV4StreamPart>,
  metadata: ResilientMetadata,
  surface: (error: unknown) => unknown,
): Promise<LanguageModelV4StreamResult> {
  const iterator = stream[Symbol.asyncIterator]();
  const opened = stream.opened as LanguageModelStreamOpened | undefined;
  let cancelled = false;
  return {
    request: opened?.request,
    response: opened?.response,
    stream: new ReadableStream<LanguageModelV4StreamPart>({
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (cancelled) return;
          if (next.done) return controller.close();
          const part = next.value;
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
          controller.enqueue({ type: 'error', error: surface(error) });
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
