import type {
  LanguageModelV4,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import type { Binding } from '@resilient-llm/core/binding';
import { classifyAiSdkError } from '../failure/classify-ai-sdk-error';
import { partRole } from '../stream/part-role';
import { readStreamParts } from '../stream/read-stream-parts';
import type { ModelTarget } from '../target/model-target';
import { assertBindingOptions, type BindingOptions } from './binding-options';
import { estimatePromptTokens } from './estimate-prompt-tokens';
import { languageModelCacheKey } from './language-model-cache-key';
import { languageModelCacheScope } from './language-model-cache-scope';
import { languageModelCacheOpened, languageModelCacheResponse } from './language-model-cache-value';
import type { LanguageModelRequest } from './language-model-request';
import { observationOf, usageOf } from './observation-of';

/** The binding between the pipeline and AI SDK language models. */
export type LanguageModelBinding = Binding<
  ModelTarget<LanguageModelV4>,
  LanguageModelRequest,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart
>;

/**
 * Drives AI SDK `LanguageModelV4`s: one attempt is one `doGenerate` or `doStream` with the
 * attempt's own `abortSignal`; errors are classified by {@link classifyAiSdkError}; headers
 * and usage feed the rate limiter. `clock` dates the responses. The pipeline's first-content
 * limit also bounds `doStream` itself, since many providers send no headers before the first token.
 * For a response cache it gives the key material, the endpoint and credentials of a call
 * (the cache keeps only a keyed hash of them) and what of an answer may be stored.
 */
export function createLanguageModelBinding(options: BindingOptions): LanguageModelBinding {
  assertBindingOptions(options);
  const { clock } = options;
  return {
    targetId: (target) => target.id,
    generate: async (target, { params, model = target.model }, { signal }) =>
      model.doGenerate({ ...params, abortSignal: signal }),
    stream: async (target, { params, model = target.model }, { signal }) => {
      const result = await model.doStream({ ...params, abortSignal: signal });
      return {
        parts: readStreamParts(result, { targetId: target.id, signal }),
        observation: observationOf({ headers: result.response?.headers, now: clock.now() }),
        opened: { request: result.request, response: result.response },
      };
    },
    classify: (error) => classifyAiSdkError(error, clock.now()),
    partRole,
    partError: (part) => (part.type === 'error' ? part.error : undefined),
    observe: (result) =>
      observationOf({ headers: result.response?.headers, usage: result.usage, now: clock.now() }),
    observePart: (part) => (part.type === 'finish' ? { usage: usageOf(part.usage) } : undefined),
    estimateTokens: ({ params }) => estimatePromptTokens(params),
    cacheKey: ({ params }, target) => languageModelCacheKey(params, target.id),
    cacheScope: languageModelCacheScope,
    cacheResponse: languageModelCacheResponse,
    cacheOpened: languageModelCacheOpened,
  };
}
