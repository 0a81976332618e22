import type { SharedV4ProviderMetadata } from '@ai-sdk/provider';

/** The namespace of our entry in `providerMetadata`. */
export const metadataNamespace = 'resilientLlm';

/**
 * Which target answered a call, as `providerMetadata.resilientLlm` reports it: on
 * `generateText`'s result, and on the `finish` part of a stream (`streamText`'s
 * `providerMetadata`).
 */
export interface ResilientMetadata {
  /** The id of the target that answered (`provider:modelId` unless you named it). */
  readonly targetId: string;
  /** Its position in the fallback chain, from 0. */
  readonly targetIndex: number;
  /** Attempts made across all targets, the answering one included. */
  readonly attempts: number;
}

/** `providerMetadata` with our entry added; the models' own entries stay as they were. */
export function withResilientMetadata(
  providerMetadata: SharedV4ProviderMetadata | undefined,
  { targetId, targetIndex, attempts }: ResilientMetadata,
): SharedV4ProviderMetadata {
  return { ...providerMetadata, [metadataNamespace]: { targetId, targetIndex, attempts } };
}
