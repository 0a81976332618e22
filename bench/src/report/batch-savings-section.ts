import type { BatchSavingsResult } from '../batch-savings/run-batch-savings.ts';
import { markdownTable, percent } from './format.ts';

const fewer = (before: number, after: number) => percent(1 - after / before);

/** The batch savings as a markdown section. */
export function batchSavingsSection(result: BatchSavingsResult): string {
  const { items, batchSize, unbatched, batched } = result;
  const row = (label: string, counts: BatchSavingsResult['unbatched']) => [
    label,
    String(counts.requests),
    String(counts.promptTokens),
    String(counts.completionTokens),
    String(counts.totalTokens),
  ];
  return `## Batch savings

${items} one-line customer messages sharing four sentences of instructions (about 70 tokens),
sent one by one (each asking for \`{ answer }\` with a JSON schema) and through the prompt
batcher of \`@resilient-llm/batch\` in batches of ${batchSize}, both through a resilient
OpenAI client to one simulator, from \`${result.command}\`. The simulator counts prompt tokens
as message text / 4 and completion tokens as 4-character JSON pieces.

${markdownTable(
  ['sent', 'requests', 'prompt tokens', 'completion tokens', 'total tokens'],
  [
    row('one by one', unbatched),
    row(`in batches of ${batchSize}`, batched),
    [
      'saved',
      fewer(unbatched.requests, batched.requests),
      fewer(unbatched.promptTokens, batched.promptTokens),
      fewer(unbatched.completionTokens, batched.completionTokens),
      fewer(unbatched.totalTokens, batched.totalTokens),
    ],
  ],
)}

Requests fall by the batch size and prompt tokens by the instructions sent once per batch;
completion tokens rise (each answer carries its id and the JSON around it).
`;
}
