import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { metadataNamespace } from '../metadata/resilient-metadata';

/**
 * Key material of a call for a response cache: the target and every call option that
 * shapes the output. The abort signal, HTTP headers and our own provider options
 * (`providerOptions.resilientLlm`: deadline, cache control) do not.
 */
export function languageModelCacheKey(
  params: LanguageModelV4CallOptions,
  targetId: string,
): unknown {
  const { abortSignal: _abortSignal, headers: _headers, providerOptions, ...rest } = params;
  const { [metadataNamespace]: _own, ...otherProviderOptions } = providerOptions ?? {};
  const outputShaping =
    Object.keys(otherProviderOptions).length > 0
      ? { ...rest, providerOptions: otherProviderOptions }
      : rest;
  return { targetId, ...outputShaping };
}
