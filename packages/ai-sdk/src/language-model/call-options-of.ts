import type { SharedV4ProviderOptions } from '@ai-sdk/provider';
import type { CallOptions } from '@resilient-llm/core';
import { assertAbortSignal } from '@resilient-llm/core/binding';
import { metadataNamespace } from './resilient-metadata';

/**
 * The pipeline's options for one call: the caller's `abortSignal`, and a total deadline of
 * its own when the call says `providerOptions: { resilientLlm: { timeoutMs } }` (providers
 * ignore namespaces other than their own; stages read their own keys of it, such as
 * `cache`). A bad value rejects the call with `InvalidOptionError` naming the field
 * (`abortSignal`, `timeoutMs`) before anything is sent.
 */
export function callOptionsOf({
  abortSignal,
  providerOptions,
}: {
  abortSignal?: AbortSignal;
  providerOptions?: SharedV4ProviderOptions;
}): CallOptions {
  assertAbortSignal('abortSignal', abortSignal);
  const timeoutMs = providerOptions?.[metadataNamespace]?.timeoutMs;
  return timeoutMs === undefined
    ? { signal: abortSignal }
    : { signal: abortSignal, timeoutMs: timeoutMs as number };
}
