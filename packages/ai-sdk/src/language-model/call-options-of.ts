import type { SharedV4ProviderOptions } from '@ai-sdk/provider';
import type { CallOptions } from '@resilient-llm/core';
import { assertAbortSignal, callOptionsFrom } from '@resilient-llm/core/binding';
import { metadataNamespace } from '../metadata/resilient-metadata';

const namespaceField = `providerOptions.${metadataNamespace}`;

/**
 * The pipeline's per-call options of one AI SDK call: the caller's `abortSignal` as `signal`,
 * and every key of `providerOptions.resilientLlm` (`timeoutMs`, `metadata`, `cache`, the keys
 * your stages declare), which every stage reads as `context.options`. Providers read only
 * their own namespace, so none of it is sent upstream. The model checks the keys: one that
 * neither it nor a stage declares, or a bad value, rejects the call with `InvalidOptionError`
 * before anything is sent; so do a bad `abortSignal`, a namespace that is no object and a
 * `signal` in it (here thrown at once).
 */
export function callOptionsOf({
  abortSignal,
  providerOptions,
}: {
  abortSignal?: AbortSignal;
  providerOptions?: SharedV4ProviderOptions;
}): CallOptions {
  assertAbortSignal('abortSignal', abortSignal);
  return callOptionsFrom(
    namespaceField,
    providerOptions?.[metadataNamespace],
    abortSignal,
    'abortSignal',
  );
}
