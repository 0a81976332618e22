import {
  generateText,
  jsonSchema,
  type LanguageModel,
  type LanguageModelCallOptions,
  NoObjectGeneratedError,
  Output,
} from 'ai';
import { MalformedBatchAnswerError } from '../errors/malformed-batch-answer-error';
import { requirePresent } from '../options/require-present';
import type { BatchSender } from '../prompt/prompt-batch';

/** Provider options of an AI SDK call, keyed by provider. */
type ProviderOptions = NonNullable<Parameters<typeof generateText>[0]['providerOptions']>;

/** Options of `createAiSdkBatchSender`. */
export interface AiSdkBatchSenderOptions {
  /** The model, e.g. one from `createResilientModel` of `@resilient-llm/ai-sdk`. Required. */
  readonly model: LanguageModel;
  /** Call settings of every batch (`temperature`, `maxOutputTokens`, `seed`, ...). Defaults to none. */
  readonly settings?: LanguageModelCallOptions;
  /** Provider options of every batch. Defaults to none. */
  readonly providerOptions?: ProviderOptions;
}

/**
 * A batch sender for the AI SDK: `generateText` with `Output.object` of the batch schema (a
 * JSON schema, so that each item's answer is validated on its own by the batcher, not the
 * whole batch at once), the rules and shared instructions as `instructions`, the AI SDK's
 * own retries off. An answer that is not a JSON object of the schema is a
 * `MalformedBatchAnswerError`.
 */
export function createAiSdkBatchSender({
  model,
  settings = {},
  providerOptions,
}: AiSdkBatchSenderOptions): BatchSender {
  requirePresent('model', model);
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
