import type { FaultProfileInput } from '../faults/fault-profile';
import { createFaultInjector, type InjectOptions } from './fault-injector';
import { faultStream } from './fault-stream';
import type { FaultInjectableLanguageModel, FaultInjectedLanguageModel } from './model-shapes';
import { estimatePromptTokens } from './prompt-tokens';

/**
 * Wraps an AI SDK `LanguageModelV4` with a fault profile, for chaos tests without a server.
 * Calls may throw `SimulatedFaultError` (an `APICallError` to the AI SDK, with `statusCode`,
 * `responseHeaders` and `isRetryable`), hang until their `abortSignal` fires, start late, or
 * fail with 400 `context_length_exceeded` when the prompt exceeds the profile's window.
 * Streams may also stall, drop (the stream errors) or carry an `error` part (malformed chunk).
 */
export function injectLanguageModelFaults<Model extends FaultInjectableLanguageModel>(
  model: Model,
  profile: FaultProfileInput,
  options: InjectOptions = {},
): FaultInjectedLanguageModel<Model> {
  const injector = createFaultInjector(profile, options);
  const wrapped: FaultInjectableLanguageModel = {
    specificationVersion: 'v4',
    provider: model.provider,
    modelId: model.modelId,
    get supportedUrls() {
      return model.supportedUrls;
    },
    async doGenerate(callOptions) {
      await injector.beforeCall(callOptions.abortSignal, estimatePromptTokens(callOptions.prompt));
      return model.doGenerate(callOptions);
    },
    async doStream(callOptions) {
      const signal = callOptions.abortSignal;
      const plan = await injector.beforeCall(signal, estimatePromptTokens(callOptions.prompt));
      const result = await model.doStream(callOptions);
      return {
        ...result,
        stream: result.stream.pipeThrough(faultStream(plan, injector.clock, signal)),
      };
    },
  };
  // Each member passes `model`'s own through (same arguments, same results), so it has the
  // type `Model` gives it.
  return wrapped as unknown as FaultInjectedLanguageModel<Model>;
}
