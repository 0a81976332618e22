import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';

/** What happens after a scripted stream's parts: it ends, fails, or waits forever. */
export type StreamEnding = { end: true } | { fail: unknown } | { hang: true };

/** A model stream that plays `parts`, then ends as told; `cancelled` records a cancel. */
export function scriptedStream(
  parts: LanguageModelV4StreamPart[],
  ending: StreamEnding = { end: true },
): { stream: ReadableStream<LanguageModelV4StreamPart>; cancelled: () => boolean } {
  let cancelled = false;
  let index = 0;
  const stream = new ReadableStream<LanguageModelV4StreamPart>({
    pull(controller) {
      const part = parts[index++];
      if (part !== undefined) return controller.enqueue(part);
      if ('end' in ending) return controller.close();
      if ('fail' in ending) return controller.error(ending.fail);
      return new Promise<void>(() => {});
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

/** Usage of a small answer. */
export const usage: LanguageModelV4Usage = {
  inputTokens: { total: 3, noCache: 3, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 2, text: 2, reasoning: undefined },
};

/** A complete text answer as stream parts. */
export function textAnswer(text: string, modelId = 'model'): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', id: `response-${modelId}`, modelId },
    { type: 'text-start', id: 't' },
    ...text.split(' ').map((word, index) => ({
      type: 'text-delta' as const,
      id: 't',
      delta: index === 0 ? word : ` ${word}`,
    })),
    { type: 'text-end', id: 't' },
    { type: 'finish', usage, finishReason: { unified: 'stop', raw: 'stop' } },
  ];
}

/** Reads a stream to its end. */
export async function readAll<T>(stream: ReadableStream<T>): Promise<T[]> {
  const parts: T[] = [];
  const reader = stream.getReader();
  for (;;) {
    const next = await reader.read();
    if (next.done) return parts;
    parts.push(next.value);
  }
}
