import type { EmbeddingModelV4, EmbeddingModelV4Result } from '@ai-sdk/provider';
import type { Binding } from '@resilient-llm/core/binding';
import { classifyAiSdkError } from '../failure/classify-ai-sdk-error';
import { assertBindingOptions, type BindingOptions } from '../language-model/binding-options';
import { observationOf } from '../language-model/observation-of';
import type { ModelTarget } from '../target/model-target';
import type { EmbeddingRequest } from './embedding-request';

// The usual estimate for English text; the limiter corrects itself from reported usage.
const charactersPerToken = 4;

/** The binding between the pipeline and AI SDK embedding models (which never stream). */
export type EmbeddingBinding = Binding<
  ModelTarget<EmbeddingModelV4>,
  EmbeddingRequest,
  EmbeddingModelV4Result,
  never
>;

/**
 * Drives AI SDK `EmbeddingModelV4`s: one attempt is one `doEmbed` with the attempt's own
 * `abortSignal`; errors are classified like those of language models; response headers and
 * token usage feed the rate limiter.
 */
export function createEmbeddingBinding(options: BindingOptions): EmbeddingBinding {
  assertBindingOptions(options);
  const { clock } = options;
  return {
    targetId: (target) => target.id,
    generate: async (target, { params, model = target.model }, { signal }) =>
      model.doEmbed({ ...params, abortSignal: signal }),
    stream: () => Promise.reject(new TypeError('Embedding models do not stream.')),
    classify: (error) => classifyAiSdkError(error, clock.now()),
    partRole: () => 'other',
    observe: (result) => {
      const observation = observationOf({ headers: result.response?.headers, now: clock.now() });
      const inputTokens = result.usage?.tokens;
      if (inputTokens === undefined) return observation;
      return { ...observation, usage: { inputTokens, outputTokens: 0 } };
    },
    estimateTokens: ({ params }) =>
      Math.ceil(
        params.values.reduce((characters, value) => characters + value.length, 0) /
          charactersPerToken,
      ),
  };
}
