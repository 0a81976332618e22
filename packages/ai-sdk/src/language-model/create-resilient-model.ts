import type { LanguageModelV4 } from '@ai-sdk/provider';
import {
  createResilientModel as createPipeline,
  type Disposable,
  type PipelineEventOf,
  type PipelineEventType,
  systemClock,
} from '@resilient-llm/core';
import { assertOptions, assertRequired } from '@resilient-llm/core/binding';
import { assertReportedName } from '../target/assert-reported-name';
import { defaultChainOptions } from '../target/model-target';
import { prepareModelTargets } from '../target/prepare-model-targets';
import { generateThroughPipeline, streamThroughPipeline } from './call-through-pipeline';
import { commonSupportedUrls } from './common-supported-urls';
import { createLanguageModelBinding } from './language-model-binding';
import {
  type ResilientLanguageModelOptions,
  resilientLanguageModelOptionKeys,
} from './resilient-language-model-options';

/** A fallback chain of AI SDK models behind one `LanguageModelV4`, with pipeline events. */
export interface ResilientLanguageModel extends LanguageModelV4 {
  /**
   * Subscribes to one type of pipeline event (`fallback`, `attempt-failure`, ...).
   * @typeParam TType The event type listened to (`'fallback'`, ...), inferred from `type`; it
   * narrows the listener's event.
   */
  on<TType extends PipelineEventType>(
    type: TType,
    listener: (event: PipelineEventOf<TType>) => void,
  ): Disposable;
}

/**
 * Turns a fallback chain of AI SDK language models of any providers into one
 * `LanguageModelV4` for `generateText`, `streamText`, structured output and tool calling.
 *
 * Each call runs through the pipeline of `@resilient-llm/core`: retries that honour
 * `Retry-After`, a circuit breaker and an adaptive rate limiter per model, fallback in
 * order, one total deadline. Streams fall over invisibly until their first content part and
 * report a later failure as an `error` part carrying `StreamInterruptedError`. The answering
 * model and the attempt count appear in `providerMetadata.resilientLlm`.
 *
 * Options are validated here; a bad value or an unknown key throws `InvalidOptionError`
 * naming the field.
 */
export function createResilientModel(
  options: ResilientLanguageModelOptions,
): ResilientLanguageModel {
  assertRequired('options', options);
  assertOptions('', options, resilientLanguageModelOptionKeys);
  const { models, provider = defaultChainOptions.provider, modelId, ...policies } = options;
  assertReportedName('provider', provider);
  assertReportedName('modelId', modelId);
  const targets = prepareModelTargets(models, {
    field: 'models',
    methods: ['doGenerate', 'doStream'],
  });
  const binding = createLanguageModelBinding({ clock: policies.clock ?? systemClock });
  const pipeline = createPipeline({ ...policies, binding, targets });
  let supportedUrls: Promise<Record<string, RegExp[]>> | undefined;
  return {
    specificationVersion: 'v4',
    provider,
    modelId: modelId ?? targets[0]!.model.modelId,
    get supportedUrls() {
      supportedUrls ??= commonSupportedUrls(targets.map((target) => target.model));
      return supportedUrls;
    },
    on: (type, listener) => pipeline.on(type, listener),
    doGenerate: (params) => generateThroughPipeline(pipeline, { params }),
    doStream: (params) => streamThroughPipeline(pipeline, { params }),
  };
}
