import type { EmbeddingModelV4, EmbeddingModelV4Middleware } from '@ai-sdk/provider';
import { systemClock } from '@resilient-llm/core';
import { assertOptions } from '@resilient-llm/core/binding';
import { pipelinePerModel } from '../middleware/pipeline-per-model';
import { embedThroughPipeline } from './embed-through-pipeline';
import { createEmbeddingBinding } from './embedding-binding';
import {
  type EmbeddingPolicyOptions,
  embeddingPolicyOptionKeys,
} from './resilient-embedding-model-options';

// Stands in for the models the middleware will meet, to validate the options at construction.
const placeholderModel: EmbeddingModelV4 = {
  specificationVersion: 'v4',
  provider: 'resilient-llm',
  modelId: 'placeholder',
  maxEmbeddingsPerCall: undefined,
  supportsParallelCalls: true,
  doEmbed: () => Promise.reject(new Error('The placeholder model is never called.')),
};

/**
 * An `EmbeddingModelV4Middleware` for `wrapEmbeddingModel` that runs every `doEmbed` of the
 * wrapped model through the pipeline's policies (no fallback). Each model, by
 * `provider:modelId`, keeps its own breaker and limiter state. Options are validated here;
 * an unknown key is refused.
 */
export function createResilientEmbeddingMiddleware(
  options: EmbeddingPolicyOptions = {},
): EmbeddingModelV4Middleware {
  assertOptions('', options, embeddingPolicyOptionKeys);
  const binding = createEmbeddingBinding({ clock: options.clock ?? systemClock });
  const pipelineFor = pipelinePerModel(options, binding, placeholderModel);
  return {
    specificationVersion: 'v4',
    wrapEmbed: ({ params, model }) => embedThroughPipeline(pipelineFor(model), { params, model }),
  };
}
