import type { EmbeddingModelV4, EmbeddingModelV4Result } from '@ai-sdk/provider';
import type { ResilientModel } from '@resilient-llm/core';
import { surfaceError } from '../failure/surface-error';
import { callOptionsOf } from '../language-model/call-options-of';
import { withResilientMetadata } from '../language-model/resilient-metadata';
import type { ModelTarget } from '../target/model-target';
import type { EmbeddingRequest } from './embedding-request';

/** A pipeline over AI SDK embedding models. */
export type EmbeddingPipeline = ResilientModel<
  ModelTarget<EmbeddingModelV4>,
  EmbeddingRequest,
  EmbeddingModelV4Result,
  never
>;

/**
 * `doEmbed` through the pipeline: the caller's `abortSignal` cancels the whole call, the
 * result gains `providerMetadata.resilientLlm`, and errors never invite the AI SDK's retry.
 */
export async function embedThroughPipeline(
  pipeline: EmbeddingPipeline,
  request: EmbeddingRequest,
): Promise<EmbeddingModelV4Result> {
  const { abortSignal } = request.params;
  try {
    const { response, targetId, targetIndex, attempts } = await pipeline.generate(
      request,
      callOptionsOf(request.params),
    );
    const metadata = { targetId, targetIndex, attempts };
    return {
      ...response,
      providerMetadata: withResilientMetadata(response.providerMetadata, metadata),
    };
  } catch (error) {
    throw surfaceError(error, abortSignal);
  }
}
