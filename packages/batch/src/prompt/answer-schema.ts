import { optionKeys } from '@resilient-llm/core/binding';
import type { JsonSchema } from './json-schema';

/**
 * What one item's answer looks like: the JSON schema sent to the provider (inside the batch
 * schema) and the check each answer must pass before it reaches its caller.
 * @typeParam TAnswer One item's answer once it has passed the check.
 */
export interface AnswerSchema<TAnswer> {
  /** JSON schema of one answer; may be a promise (the AI SDK resolves some schemas lazily). */
  readonly jsonSchema: JsonSchema | PromiseLike<JsonSchema>;
  /**
   * Checks one answer and returns it typed; throws (or rejects) when it is invalid, and the
   * item is then retried on its own. Defaults to accepting any value but `null` and `undefined`.
   */
  readonly validate?: (value: unknown) => TAnswer | PromiseLike<TAnswer>;
}

/** Every key of {@link AnswerSchema}: any other key is refused. */
export const answerSchemaKeys = optionKeys<AnswerSchema<unknown>>({
  jsonSchema: true,
  validate: true,
});

/** Answers that are non-empty strings: the default answer schema of the prompt batcher. */
export const textAnswer: AnswerSchema<string> = {
  jsonSchema: { type: 'string' },
  validate(value) {
    if (typeof value !== 'string' || value.length === 0) {
      throw new TypeError(`Expected a non-empty string answer, got ${JSON.stringify(value)}.`);
    }
    return value;
  },
};
