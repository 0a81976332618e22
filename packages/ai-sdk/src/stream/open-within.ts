import type { LanguageModelV4StreamResult } from '@ai-sdk/provider';
import { type Clock, TimeoutError } from '@resilient-llm/core';

/**
 * Bounds the wait for `doStream` to open by the time-to-first-content limit.
 *
 * The pipeline starts its first-content clock when the attempt starts but reads it only once
 * the stream is open, and many providers and gateways hold back the response headers until
 * the first token: without this bound a slow first token would not fall over. A stream that
 * opens after the limit ran out is cancelled at once.
 */
export function openWithin(
  opening: PromiseLike<LanguageModelV4StreamResult>,
  { timeoutMs, clock }: { timeoutMs: number | undefined; clock: Clock },
): Promise<LanguageModelV4StreamResult> {
  if (timeoutMs === undefined || !Number.isFinite(timeoutMs)) return Promise.resolve(opening);
  return new Promise((resolve, reject) => {
    let expired = false;
    const timer = clock.setTimeout(() => {
      expired = true;
      reject(new TimeoutError({ phase: 'first-token', timeoutMs }));
    }, timeoutMs);
    Promise.resolve(opening).then(
      (result) => {
        clock.clearTimeout(timer);
        if (expired) result.stream.cancel().catch(() => {});
        else resolve(result);
      },
      (error: unknown) => {
        clock.clearTimeout(timer);
        reject(error);
      },
    );
  });
}
