import type {
  LanguageModelV4,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import type { ResilientModelOptions, Stage } from '@resilient-llm/core';
import { withoutKeys } from '@resilient-llm/core/binding';
import { resilientModelOptionKeys } from '@resilient-llm/core/internal';
import { chainOptionKeys, type ModelEntry, type ModelTarget } from '../target/model-target';
import type { LanguageModelRequest } from './language-model-request';

/** A stage of a resilient language model (see `Stage` in `@resilient-llm/core`). */
export type LanguageModelStage = Stage<
  ModelTarget<LanguageModelV4>,
  LanguageModelRequest,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart
>;

// Supplied by this package.
const notOptions = ['binding', 'targets'] as const;

/**
 * The pipeline options every resilient language model and middleware shares: those of
 * core's `createResilientModel` except `binding` and `targets`, which this package supplies.
 */
export type LanguageModelPolicyOptions = Omit<
  ResilientModelOptions<
    ModelTarget<LanguageModelV4>,
    LanguageModelRequest,
    LanguageModelV4GenerateResult,
    LanguageModelV4StreamPart
  >,
  (typeof notOptions)[number]
>;

/** Every option of {@link LanguageModelPolicyOptions}: any other key is refused. */
export const languageModelPolicyOptionKeys = withoutKeys(resilientModelOptionKeys, notOptions);

/** Options of `createResilientModel` in its AI SDK form. */
export interface ResilientLanguageModelOptions extends LanguageModelPolicyOptions {
  /**
   * The fallback chain: AI SDK language models of any providers, tried in this order. An
   * entry may be `{ model, id }` to name it (ids must be unique; each defaults to
   * `provider:modelId`, e.g. `openai.chat:gpt-4o`). Required, at least one.
   */
  models: readonly ModelEntry<LanguageModelV4>[];
  /**
   * The `provider` the resilient model reports to the AI SDK (telemetry, logs). Defaults to
   * `'resilient-llm'` (`defaultChainOptions.provider`).
   */
  provider?: string;
  /** The `modelId` it reports. Defaults to the first model's `modelId`. */
  modelId?: string;
}

/** Every option of {@link ResilientLanguageModelOptions}: any other key is refused. */
export const resilientLanguageModelOptionKeys = [
  ...languageModelPolicyOptionKeys,
  ...chainOptionKeys,
] as const satisfies readonly (keyof ResilientLanguageModelOptions)[];
