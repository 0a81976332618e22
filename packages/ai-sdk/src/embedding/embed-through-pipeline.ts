import type { EmbeddingModelV4, EmbeddingModelV4Result } from '@ai-sdk/provider';
import type { ResilientModel } from '@resilient-llm/core';
import { generateThroughPipeline } from '../language-model/call-through-pipeline';
import type { ModelTarget } from '../target/model-target';
import type { EmbeddingRequest } from './embedding-request';

/** A pipeline over AI SDK embedding models. */
export type EmbeddingPipeline = ResilientModel<
  ModelTarget<EmbeddingModelV4>,
  EmbeddingRequest,
  EmbeddingModelV4Result,
  never
>;

/** `doEmbed` through the pipeline, exactly as `doGenerate` goes (see `generateThroughPipeline`). */
export const embedThroughPipeline = (
  pipeline: EmbeddingPipeline,
  request: EmbeddingRequest,
): Promise<EmbeddingModelV4Result> => generateThroughPipeline(pipeline, request);
