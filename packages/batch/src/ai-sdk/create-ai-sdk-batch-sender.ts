import {
  assertObject,
  assertOptions,
  assertRequired,
  optionKeys,
} from '@resilient-llm/core/binding';
import {
  generateText,
  jsonSchema,
  type LanguageModel,
  type LanguageModelCallOptions,
  NoObjectGeneratedError,
  Output,
} from 'ai';
import { MalformedBatchAnswerError } from '../errors/malformed-batch-answer-error';
import { assertAiSdkModel } from '../options/assert-ai-sdk-model';
import { refuseOwnedKeys } from '../options/refuse-owned-keys';
import type { BatchSender } from '../prompt/prompt-batch';

/** Provider options of an AI SDK call, keyed by provider. */
type ProviderOptions = NonNullable<Parameters<typeof generateText>[0]['providerOptions']>;

// Fields of the `generateText` call the sender sets itself.
const ownedSettingKeys = [
  'model',
  'instructions',
  'system',
  'prompt',
  'messages',
  'output',
  'abortSignal',
  'maxRetries',
  'providerOptions',
] as const;

/** Options of `createAiSdkBatchSender`. */
export interface AiSdkBatchSenderOptions {
  /** The model, e.g. one from `createResilientModel` of `@resilient-llm/ai-sdk`. Required. */
  readonly model: LanguageModel;
  /**
   * Call settings of every batch (`temperature`, `maxOutputTokens`, `seed`, ...), passed on as
   * they are; the fields of the call the sender sets itself are refused. Defaults to none.
   */
  readonly settings?: LanguageModelCallOptions;
  /** Provider options of every batch. Defaults to none. */
  readonly providerOptions?: ProviderOptions;
}

/** Every option of {@link AiSdkBatchSenderOptions}: any other key is refused. */
const aiSdkBatchSenderOptionKeys = optionKeys<AiSdkBatchSenderOptions>({
  model: true,
  settings: true,
  providerOptions: true,
});

/**
 * A batch sender for the AI SDK: `generateText` with `Output.object` of the batch schema (a
 * JSON schema, so that each item's answer is validated on its own by the batcher, not the
 * whole batch at once), the rules and shared instructions as `instructions`, the AI SDK's
 * own retries off. An answer that is not a JSON object of the schema is a
 * `MalformedBatchAnswerError`.
 */
export function createAiSdkBatchSender(options: AiSdkBatchSenderOptions): BatchSender {
  assertRequired('options', options);
  assertOptions('', options, aiSdkBatchSenderOptionKeys);
  const { model, settings = {}, providerOptions } = options;
  assertAiSdkModel('model', model);
  assertObject('settings', settings);
  refuseOwnedKeys('settings', settings, ownedSettingKeys);
  assertObject('providerOptions', providerOptions);
  return async (batch, { signal }) => {
    try {
      const { output } = await generateText({
        ...settings,
        model,
        instructions: batch.instructions,
        prompt: batch.prompt,
        output: Output.object({ schema: jsonSchema(batch.schema), name: batch.schemaName }),
        abortSignal: signal,
        maxRetries: 0,
        ...(providerOptions ? { providerOptions } : {}),
      });
      return output;
    } catch (error) {
      if (!NoObjectGeneratedError.isInstance(error)) throw error;
      throw new MalformedBatchAnswerError({
        message: 'The batch answer is not an object of the batch schema.',
        text: error.text,
        cause: error,
      });
    }
  };
}
