import type { LanguageModelV4, LanguageModelV4Middleware } from '@ai-sdk/provider';
import { systemClock } from '@resilient-llm/core';
import { assertOptions } from '@resilient-llm/core/binding';
import {
  generateThroughPipeline,
  streamThroughPipeline,
} from '../language-model/call-through-pipeline';
import { createLanguageModelBinding } from '../language-model/language-model-binding';
import {
  type LanguageModelPolicyOptions,
  languageModelPolicyOptionKeys,
} from '../language-model/resilient-language-model-options';
import { pipelinePerModel } from './pipeline-per-model';

// Stands in for the models a middleware will meet, to validate the options at construction.
const placeholderModel: LanguageModelV4 = {
  specificationVersion: 'v4',
  provider: 'resilient-llm',
  modelId: 'placeholder',
  supportedUrls: {},
  doGenerate: () => Promise.reject(new Error('The placeholder model is never called.')),
  doStream: () => Promise.reject(new Error('The placeholder model is never called.')),
};

/**
 * A `LanguageModelV4Middleware` that runs every call of the model it wraps through the
 * pipeline's policies: retries that honour `Retry-After`, circuit breaker, adaptive rate
 * limiter, bulkhead, attempt and stream timeouts, one total deadline. No fallback: the
 * middleware guards one model (use `createResilientModel` for a chain).
 *
 * Works with `wrapLanguageModel`, `wrapProvider` and `createProviderRegistry`; each model
 * (by `provider:modelId`, which is also the target id in per-target overrides) keeps its own
 * breaker and limiter state across calls. Options are validated here; an unknown key is
 * refused.
 */
export function createResilientMiddleware(
  options: LanguageModelPolicyOptions = {},
): LanguageModelV4Middleware {
  assertOptions('', options, languageModelPolicyOptionKeys);
  const binding = createLanguageModelBinding({ clock: options.clock ?? systemClock });
  const pipelineFor = pipelinePerModel(options, binding, placeholderModel);
  return {
    specificationVersion: 'v4',
    wrapGenerate: ({ params, model }) =>
      generateThroughPipeline(pipelineFor(model), { params, model }),
    wrapStream: ({ params, model }) => streamThroughPipeline(pipelineFor(model), { params, model }),
  };
}
