import type { SharedV4ProviderOptions } from '@ai-sdk/provider';
import {
  assertAbortSignal,
  assertObject,
  type CallOptions,
  InvalidOptionError,
  type Stage,
} from '@resilient-llm/core';
import { metadataNamespace } from '../metadata/resilient-metadata';

/** The AI SDK call options that carry the pipeline's per-call options. */
interface CallOptionsSource {
  readonly abortSignal?: AbortSignal;
  readonly providerOptions?: SharedV4ProviderOptions;
}

/** Reads the pipeline's per-call options of one AI SDK call. */
export type CallOptionsReader = (params: CallOptionsSource) => CallOptions;

const namespaceField = `providerOptions.${metadataNamespace}`;

/**
 * The reader of per-call options for a model with `stages`: the caller's `abortSignal` as
 * `signal`, and every key of `providerOptions.resilientLlm` (`timeoutMs`, `metadata`, `cache`,
 * the keys your stages declare), which every stage reads as `context.options`. Providers read
 * only their own namespace, so none of it is sent upstream. The model checks the keys: one
 * that neither it nor a stage declares, or a bad value, rejects the call with
 * `InvalidOptionError` before anything is sent; so do a bad `abortSignal`, a namespace that is
 * no object and a `signal` in it.
 *
 * `cache` is left out while the model has stages and none declares it: a cache stage that does
 * not yet read `context.options.cache` reads the namespace itself (its `control` option).
 */
export function createCallOptionsReader(
  stages: readonly Pick<Stage, 'callOptions'>[] = [],
): CallOptionsReader {
  const leavesCacheToStages =
    stages.length > 0 && !stages.some((stage) => stage.callOptions && 'cache' in stage.callOptions);
  return ({ abortSignal, providerOptions }) => {
    assertAbortSignal('abortSignal', abortSignal);
    const own = providerOptions?.[metadataNamespace];
    assertObject(namespaceField, own);
    if (own !== undefined && 'signal' in own) {
      throw new InvalidOptionError({
        field: `${namespaceField}.signal`,
        value: own.signal,
        reason: "is the AI SDK's `abortSignal`: pass it there",
      });
    }
    const { cache, ...rest } = own ?? {};
    const callOptions: Record<string, unknown> =
      cache === undefined || leavesCacheToStages ? rest : { ...rest, cache };
    if (abortSignal) callOptions.signal = abortSignal;
    return callOptions as CallOptions;
  };
}
