import { batchSchema } from './batch-schema';
import type { JsonSchema } from './json-schema';
import type { PromptBatch, PromptBatchItem } from './prompt-batch';

const batchRules = [
  'You receive several independent items, one per line, each written as `[id] prompt`.',
  'Answer every item on its own, as if it were the only one.',
  'Reply with JSON of the form {"answers":[{"id":"<id>","answer":<answer>}]}: exactly one entry per item, its id copied unchanged.',
].join('\n');

/** One line of the batch prompt; line breaks inside a prompt are sent as `\n`. */
export function itemLine(item: PromptBatchItem): string {
  return `[${item.id}] ${item.prompt.replace(/\r?\n/g, '\\n')}`;
}

/** Builds the batch a sender receives: the rules and shared instructions once, then the items. */
export function composeBatch(
  items: readonly PromptBatchItem[],
  { instructions, answerSchema }: { instructions: string | undefined; answerSchema: JsonSchema },
): PromptBatch {
  return {
    items,
    instructions: instructions ? `${batchRules}\n\n${instructions}` : batchRules,
    prompt: `Answer each item:\n${items.map(itemLine).join('\n')}`,
    schema: batchSchema(answerSchema),
    schemaName: 'batch_answers',
  };
}
