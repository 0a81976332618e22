import {
  createResilientModel as createPipeline,
  type ResilientModel,
  type ResilientModelOptions,
} from '@resilient-llm/core';
import type { ModelBinding } from '@resilient-llm/core/binding';
import { defaultTargetId } from '../target/default-target-id';
import type { ModelTarget } from '../target/model-target';
import { narrowTargetOverrides, overriddenTargetIds } from './narrow-target-overrides';

type PolicyOptions<TModel, TRequest, TResponse, TPart> = Omit<
  ResilientModelOptions<ModelTarget<TModel>, TRequest, TResponse, TPart>,
  'binding' | 'targets'
>;

/**
 * One pipeline per model a middleware sees, keyed by `provider:modelId`, so that each model
 * keeps its own breaker and rate-limit state across calls, however often the AI SDK wraps it
 * anew (`wrapProvider` and registries wrap a fresh model per lookup). The options are
 * validated at once, per-target overrides included.
 */
export function pipelinePerModel<
  TModel extends { readonly provider: string; readonly modelId: string },
  TRequest,
  TResponse,
  TPart = never,
>(
  options: PolicyOptions<TModel, TRequest, TResponse, TPart>,
  binding: ModelBinding<ModelTarget<TModel>, TRequest, TResponse, TPart>,
  placeholder: TModel,
): (model: TModel) => ResilientModel<ModelTarget<TModel>, TRequest, TResponse, TPart> {
  const probeIds = [...new Set([defaultTargetId(placeholder), ...overriddenTargetIds(options)])];
  createPipeline({
    ...options,
    binding,
    targets: probeIds.map((id) => ({ id, model: placeholder })),
  });
  const pipelines = new Map<
    string,
    ResilientModel<ModelTarget<TModel>, TRequest, TResponse, TPart>
  >();
  return (model) => {
    const id = defaultTargetId(model);
    let pipeline = pipelines.get(id);
    if (pipeline === undefined) {
      pipeline = createPipeline({
        ...narrowTargetOverrides(options, id),
        binding,
        targets: [{ id, model }],
      });
      pipelines.set(id, pipeline);
    }
    return pipeline;
  };
}
