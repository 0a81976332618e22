import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';

/**
 * Key material of a call for a response cache: the target and every call option that
 * shapes the output. The abort signal and HTTP headers do not.
 */
export function languageModelCacheKey(
  params: LanguageModelV4CallOptions,
  targetId: string,
): unknown {
  const { abortSignal: _abortSignal, headers: _headers, ...outputShaping } = params;
  return { targetId, ...outputShaping };
}
