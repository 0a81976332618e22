import type { FaultProfileInput } from '../faults/fault-profile';
import { createFaultInjector, type InjectOptions } from './fault-injector';
import type { FaultInjectableEmbeddingModel, FaultInjectedEmbeddingModel } from './model-shapes';
import { estimatePromptTokens } from './prompt-tokens';

/**
 * Wraps an AI SDK embedding model with a fault profile: calls may throw `SimulatedFaultError`,
 * hang until their `abortSignal` fires or start late. Stream faults do not apply.
 */
export function injectEmbeddingModelFaults<Model extends FaultInjectableEmbeddingModel>(
  model: Model,
  profile: FaultProfileInput,
  options: InjectOptions = {},
): FaultInjectedEmbeddingModel<Model> {
  const injector = createFaultInjector(profile, options);
  const wrapped: FaultInjectableEmbeddingModel = {
    specificationVersion: 'v4',
    provider: model.provider,
    modelId: model.modelId,
    get maxEmbeddingsPerCall() {
      return model.maxEmbeddingsPerCall;
    },
    get supportsParallelCalls() {
      return model.supportsParallelCalls;
    },
    async doEmbed(callOptions) {
      await injector.beforeCall(callOptions.abortSignal, estimatePromptTokens(callOptions.values));
      return model.doEmbed(callOptions);
    },
  };
  // Symbol-keyed capabilities (such as the AI SDK's experimental input-size limit) pass through.
  for (const key of Object.getOwnPropertySymbols(model)) {
    Object.defineProperty(wrapped, key, {
      get: () => (model as unknown as Record<symbol, unknown>)[key],
    });
  }
  // `doEmbed` passes `model`'s own through, so each member has the type `Model` gives it.
  return wrapped as unknown as FaultInjectedEmbeddingModel<Model>;
}
