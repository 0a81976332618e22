import { asSchema, type FlexibleSchema } from 'ai';
import type { AnswerSchema } from '../prompt/answer-schema';
import type { JsonSchema } from '../prompt/json-schema';

/**
 * Turns an AI SDK schema (a zod schema, `jsonSchema(...)`, a Standard Schema) into the
 * answer schema of a prompt batcher: its JSON schema goes to the provider, its validation
 * checks each item's answer on its own.
 * @typeParam TAnswer One item's answer, inferred from the type `schema` validates.
 */
export function answerSchemaOf<TAnswer>(schema: FlexibleSchema<TAnswer>): AnswerSchema<TAnswer> {
  const resolved = asSchema(schema);
  return {
    jsonSchema: Promise.resolve(resolved.jsonSchema).then((value) => value as JsonSchema),
    async validate(value) {
      if (!resolved.validate) return value as TAnswer;
      const result = await resolved.validate(value);
      if (result.success) return result.value;
      throw result.error;
    },
  };
}
