import { assertBoolean, optionKeys } from '@resilient-llm/core/binding';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { MalformedBatchAnswerError } from '../errors/malformed-batch-answer-error';
import { parseBatchText } from '../prompt/parse-batch-text';
import type { BatchSender } from '../prompt/prompt-batch';
import { assertSenderOptions } from './assert-sender-options';
import type { OpenAIChatClient } from './openai-clients';

// Fields of the request the sender sets itself.
const ownedRequestKeys = ['model', 'messages', 'response_format', 'stream'] as const;

/** Options of `createOpenAIBatchSender`. */
export interface OpenAIBatchSenderOptions {
  /** An `OpenAI` client, or one from `createResilientOpenAI` to send through the pipeline. Required. */
  readonly client: OpenAIChatClient;
  /** The model every batch goes to. Required. */
  readonly model: string;
  /**
   * Asks for strict structured output (`json_schema` with `strict: true`); the answer
   * schema must then keep to the provider's strict subset. Defaults to `true`
   * (`defaultOpenAIBatchSenderOptions.strict`).
   */
  readonly strict?: boolean;
  /**
   * Other fields of every request (`temperature`, `max_completion_tokens`, `seed`, ...), passed
   * on as they are; the fields the sender sets itself are refused. Defaults to none.
   */
  readonly request?: Omit<
    ChatCompletionCreateParamsNonStreaming,
    (typeof ownedRequestKeys)[number]
  >;
}

/** The values `createOpenAIBatchSender` applies to the {@link OpenAIBatchSenderOptions} left out. */
export const defaultOpenAIBatchSenderOptions = {
  strict: true,
} as const satisfies Partial<OpenAIBatchSenderOptions>;

/** Every option of {@link OpenAIBatchSenderOptions}: any other key is refused. */
const openAIBatchSenderOptionKeys = optionKeys<OpenAIBatchSenderOptions>({
  client: true,
  model: true,
  strict: true,
  request: true,
});

/**
 * A batch sender for the OpenAI SDK's chat completions: the rules and shared instructions
 * as a system message, the items as the user message, the answer shape as a `json_schema`
 * response format. A refusal or unreadable JSON is a `MalformedBatchAnswerError`.
 */
export function createOpenAIBatchSender(options: OpenAIBatchSenderOptions): BatchSender {
  assertSenderOptions(options, {
    knownKeys: openAIBatchSenderOptionKeys,
    clientMethod: ['chat', 'completions', 'create'],
    ownedRequestKeys,
  });
  const { client, model, strict = defaultOpenAIBatchSenderOptions.strict, request = {} } = options;
  assertBoolean('strict', strict);
  return async (batch, { signal }) => {
    const completion = await client.chat.completions.create(
      {
        ...request,
        model,
        messages: [
          { role: 'system', content: batch.instructions },
          { role: 'user', content: batch.prompt },
        ],
        response_format: {
          type: 'json_schema',
          json_schema: { name: batch.schemaName, schema: { ...batch.schema }, strict },
        },
      },
      { signal },
    );
    const message = completion.choices[0]?.message;
    if (message?.refusal) {
      throw new MalformedBatchAnswerError({
        message: 'The model refused the batch.',
        text: message.refusal,
      });
    }
    return parseBatchText(message?.content);
  };
}
