import type { EmbeddingModelV4 } from '@ai-sdk/provider';
import { createResilientModel as createPipeline, systemClock } from '@resilient-llm/core';
import { assertOptions, assertRequired } from '@resilient-llm/core/binding';
import { assertReportedName } from '../target/assert-reported-name';
import { defaultChainOptions } from '../target/model-target';
import { prepareModelTargets } from '../target/prepare-model-targets';
import { embedThroughPipeline } from './embed-through-pipeline';
import { createEmbeddingBinding } from './embedding-binding';
import {
  type ResilientEmbeddingModelOptions,
  resilientEmbeddingModelOptionKeys,
} from './resilient-embedding-model-options';

/**
 * Turns a fallback chain of AI SDK embedding models into one `EmbeddingModelV4` for `embed`
 * and `embedMany`, with the pipeline's retries, breaker, rate limiter and deadline. The
 * answering model and attempt count appear in `providerMetadata.resilientLlm`.
 *
 * It accepts the fewest values per call of any model in the chain, and parallel calls only
 * when every model does. Options are validated here; an unknown key is refused.
 */
export function createResilientEmbeddingModel(
  options: ResilientEmbeddingModelOptions,
): EmbeddingModelV4 {
  assertRequired('options', options);
  assertOptions('', options, resilientEmbeddingModelOptionKeys);
  const { models, provider = defaultChainOptions.provider, modelId, ...policies } = options;
  assertReportedName('provider', provider);
  assertReportedName('modelId', modelId);
  const targets = prepareModelTargets(models, { field: 'models', methods: ['doEmbed'] });
  const binding = createEmbeddingBinding({ clock: policies.clock ?? systemClock });
  const pipeline = createPipeline({ ...policies, binding, targets });
  const chain = targets.map((target) => target.model);
  return {
    specificationVersion: 'v4',
    provider,
    modelId: modelId ?? chain[0]!.modelId,
    get maxEmbeddingsPerCall() {
      return Promise.all(chain.map((model) => model.maxEmbeddingsPerCall)).then((limits) => {
        const known = limits.filter((limit): limit is number => typeof limit === 'number');
        return known.length === 0 ? undefined : Math.min(...known);
      });
    },
    get supportsParallelCalls() {
      return Promise.all(chain.map((model) => model.supportsParallelCalls)).then((each) =>
        each.every(Boolean),
      );
    },
    doEmbed: (params) => embedThroughPipeline(pipeline, { params }),
  };
}
