import type { JsonSchema } from './json-schema';

/**
 * The schema of a batch answer around one item's answer schema. Shaped for strict structured
 * output (every property required, no additional properties) and for the simulator's batch
 * convention (an array of objects with an `id`).
 */
export function batchSchema(answerSchema: JsonSchema): JsonSchema {
  return {
    type: 'object',
    properties: {
      answers: {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: { type: 'string' }, answer: answerSchema },
          required: ['id', 'answer'],
          additionalProperties: false,
        },
      },
    },
    required: ['answers'],
    additionalProperties: false,
  };
}
