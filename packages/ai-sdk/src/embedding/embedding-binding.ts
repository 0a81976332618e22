import type { EmbeddingModelV4, EmbeddingModelV4Result } from '@ai-sdk/provider';
import { estimateTextTokens, type GenerateBinding } from '@resilient-llm/core/binding';
import { classifyAiSdkError } from '../failure/classify-ai-sdk-error';
import { assertBindingOptions, type BindingOptions } from '../language-model/binding-options';
import { observationOf } from '../language-model/observation-of';
import type { ModelTarget } from '../target/model-target';
import type { EmbeddingRequest } from './embedding-request';

/** The binding between the pipeline and AI SDK embedding models, which never stream. */
export type EmbeddingBinding = GenerateBinding<
  ModelTarget<EmbeddingModelV4>,
  EmbeddingRequest,
  EmbeddingModelV4Result
>;

/**
 * Drives AI SDK `EmbeddingModelV4`s: one attempt is one `doEmbed` with the attempt's own
 * `abortSignal`; errors are classified like those of language models; response headers and
 * token usage feed the rate limiter. It has no `stream`: a model built on it generates only.
 */
export function createEmbeddingBinding(options: BindingOptions): EmbeddingBinding {
  assertBindingOptions(options);
  const { clock } = options;
  return {
    targetId: (target) => target.id,
    generate: async (target, { params, model = target.model }, { signal }) =>
      model.doEmbed({ ...params, abortSignal: signal }),
    classify: (error) => classifyAiSdkError(error, clock.now()),
    observe: (result) => {
      const observation = observationOf({ headers: result.response?.headers, now: clock.now() });
      const inputTokens = result.usage?.tokens;
      if (inputTokens === undefined) return observation;
      return { ...observation, usage: { inputTokens, outputTokens: 0 } };
    },
    estimateTokens: ({ params }) => estimateTextTokens(params.values),
  };
}
