import type OpenAI from 'openai';
import { batchSchema } from '../src/prompt/batch-schema';
import type { JsonSchema } from '../src/prompt/json-schema';

/**
 * The simulator's answer to each prompt asked alone (a batch of one, unbatched, with a plain
 * client): the answer every batched item must get, since an item's answer depends only on
 * the seed and its question.
 */
export async function referenceAnswers(
  client: OpenAI,
  model: string,
  prompts: readonly string[],
  answerSchema: JsonSchema = { type: 'string' },
): Promise<unknown[]> {
  return Promise.all(
    prompts.map(async (prompt) => {
      const completion = await client.chat.completions.create({
        model,
        messages: [{ role: 'user', content: `[only] ${prompt}` }],
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'reference',
            schema: { ...batchSchema(answerSchema) },
            strict: true,
          },
        },
      });
      const parsed = JSON.parse(completion.choices[0]?.message.content ?? '') as {
        answers: { answer: unknown }[];
      };
      return parsed.answers[0]?.answer;
    }),
  );
}

/** Distinct small prompts. */
export function prompts(count: number, prefix = 'q'): string[] {
  return Array.from(
    { length: count },
    (_, index) => `${prefix}${index}: what is ${index} times 7?`,
  );
}
