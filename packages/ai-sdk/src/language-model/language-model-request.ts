import type { LanguageModelV4, LanguageModelV4CallOptions } from '@ai-sdk/provider';

/** One call of a resilient language model, as its stages see it. */
export interface LanguageModelRequest {
  /** The AI SDK's call options; each attempt gets its own `abortSignal`. */
  readonly params: LanguageModelV4CallOptions;
  /**
   * The model to call instead of the target's own. The middleware sets it: the AI SDK hands
   * it the model to wrap with every call. Defaults to the target's model.
   */
  readonly model?: LanguageModelV4;
}
