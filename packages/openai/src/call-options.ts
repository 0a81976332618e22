import type { CallOptions } from '@resilient-llm/core';
import type { SdkRequestOptions } from './openai-request';

/**
 * The key of the SDK request options that carries per-call options to the pipeline. A symbol,
 * so it is never a header, a query parameter or a body field: the resilient client takes it
 * out before an attempt is sent, and a plain `OpenAI` client never reads it.
 */
export const callOptionsKey: unique symbol = Symbol.for('resilient-llm.call-options');

/**
 * Per-call options of the resilient client: every key of core's `CallOptions` (`timeoutMs`,
 * `metadata`, and the keys stages declare by module augmentation, such as `cache`) except
 * `signal`, which is the SDK's own request option. Never sent upstream.
 */
export type OpenAICallOptions = Omit<CallOptions, 'signal'>;

/**
 * The SDK request options `requestOptions` with per-call options for the pipeline's stages,
 * which every stage reads as `context.options`:
 *
 * ```ts
 * await openai.chat.completions.create(body, withCallOptions({ timeoutMs: 5_000 }, { signal }));
 * ```
 *
 * The model checks them when the call is made: a key that neither it nor one of its stages
 * declares, or a bad value, rejects the call with `InvalidOptionError` before anything is sent.
 */
export function withCallOptions(
  callOptions: OpenAICallOptions,
  requestOptions?: SdkRequestOptions,
): SdkRequestOptions {
  return { ...requestOptions, [callOptionsKey]: callOptions } as SdkRequestOptions;
}
