import type { SharedV4ProviderOptions } from '@ai-sdk/provider';
import type { CallOptions } from '@resilient-llm/core';
import { metadataNamespace } from './resilient-metadata';

/**
 * The pipeline's options for one call: the caller's `abortSignal`, and a total deadline of
 * its own when the call says `providerOptions: { resilientLlm: { timeoutMs } }` (providers
 * ignore namespaces other than their own). A bad value is rejected by the pipeline with
 * `InvalidOptionError` naming `timeoutMs`.
 */
export function callOptionsOf({
  abortSignal,
  providerOptions,
}: {
  abortSignal?: AbortSignal;
  providerOptions?: SharedV4ProviderOptions;
}): CallOptions {
  const timeoutMs = providerOptions?.[metadataNamespace]?.timeoutMs;
  return timeoutMs === undefined
    ? { signal: abortSignal }
    : { signal: abortSignal, timeoutMs: timeoutMs as number };
}
