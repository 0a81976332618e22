import { isRecord, type JsonSchema, resolveReference, schemaType } from './json-schema';

/** One item of a batched prompt: a line `[id] question`. */
export interface BatchItem {
  readonly id: string;
  readonly question: string;
}

const BATCH_LINE = /^\s*\[([^\]\s][^\]]*)\]\s*(.*)$/;

/**
 * Finds the batch convention in a prompt: every line of the form `[id] question` is one item,
 * answered under its id. Returns an empty list when the prompt has no such lines.
 */
export function parseBatchItems(prompt: string): BatchItem[] {
  const items: BatchItem[] = [];
  for (const line of prompt.split('\n')) {
    const match = BATCH_LINE.exec(line);
    if (match) items.push({ id: match[1]!.trim(), question: match[2]!.trim() });
  }
  return items;
}

/** True when a schema describes an array of objects carrying an `id` property. */
export function isIdArraySchema(schema: JsonSchema, root: JsonSchema): boolean {
  if (schemaType(schema) !== 'array') return false;
  const items = Array.isArray(schema.items) ? schema.items[0] : schema.items;
  if (!items) return false;
  const itemSchema = resolveReference(items, root);
  return isRecord(itemSchema.properties) && 'id' in itemSchema.properties;
}
