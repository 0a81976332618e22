import { hashString } from '../random/hash-string';
import { mulberry32, type RandomSource } from '../random/mulberry32';
import type { BatchItem } from './batch-items';
import { isIdArraySchema } from './batch-items';
import { generateSentence } from './generate-words';
import { type JsonSchema, resolveReference, schemaType } from './json-schema';

/** What {@link generateFromSchema} needs besides the schema. */
export interface SchemaGenerationContext {
  /** Draws for every value not tied to a batch item. */
  readonly random: RandomSource;
  /** Seed mixed into per-item draws, so an item's answer depends only on seed and question. */
  readonly seed: number;
  /** Items of a batched prompt; an array of objects with `id` gets one element per item. */
  readonly batchItems: readonly BatchItem[];
}

const MAX_DEPTH = 12;

/**
 * Produces a value valid against `schema`: objects with every property, arrays within
 * `minItems`/`maxItems`, strings within length bounds and well-known formats, numbers within
 * bounds, enums and consts honoured. Deterministic for a given random source.
 */
export function generateFromSchema(schema: JsonSchema, context: SchemaGenerationContext): unknown {
  return generateValue(schema, schema, context, context.random, 0);
}

function generateValue(
  input: JsonSchema,
  root: JsonSchema,
  context: SchemaGenerationContext,
  random: RandomSource,
  depth: number,
): unknown {
  const schema = resolveReference(input, root);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return schema.enum[Math.floor(random() * schema.enum.length)];
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0) {
    const nonNull = variants.find((variant) => variant.type !== 'null') ?? variants[0]!;
    return generateValue(nonNull, root, context, random, depth);
  }
  if (schema.allOf && schema.allOf.length > 0) {
    return generateValue(Object.assign({}, ...schema.allOf), root, context, random, depth);
  }
  if (depth > MAX_DEPTH) return null;
  switch (schemaType(schema)) {
    case 'object':
      return generateObject(schema, root, context, random, depth);
    case 'array':
      return generateArray(schema, root, context, random, depth);
    case 'integer':
      return Math.round(generateNumber(schema, random, true));
    case 'number':
      return generateNumber(schema, random, false);
    case 'boolean':
      return random() < 0.5;
    case 'null':
      return null;
    case 'string':
      return generateString(schema, random);
    default:
      return generateSentence(random, 3);
  }
}

function generateObject(
  schema: JsonSchema,
  root: JsonSchema,
  context: SchemaGenerationContext,
  random: RandomSource,
  depth: number,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, propertySchema] of Object.entries(schema.properties ?? {})) {
    const resolved = resolveReference(propertySchema, root);
    result[name] =
      context.batchItems.length > 0 && isIdArraySchema(resolved, root)
        ? generateBatchAnswers(resolved, root, context, depth)
        : generateValue(resolved, root, context, random, depth + 1);
  }
  return result;
}

function generateBatchAnswers(
  schema: JsonSchema,
  root: JsonSchema,
  context: SchemaGenerationContext,
  depth: number,
): unknown[] {
  const itemSchema = resolveReference(
    (Array.isArray(schema.items) ? schema.items[0] : schema.items)!,
    root,
  );
  return context.batchItems.map((item) => {
    // One generator per item keyed by the question: batched and single answers agree.
    const itemRandom = mulberry32(hashString(context.seed, item.question));
    const answer = generateObject(
      itemSchema,
      root,
      { ...context, batchItems: [] },
      itemRandom,
      depth + 1,
    );
    const idType = schemaType(resolveReference(itemSchema.properties!.id!, root));
    answer.id = idType === 'integer' || idType === 'number' ? Number(item.id) : item.id;
    return answer;
  });
}

function generateArray(
  schema: JsonSchema,
  root: JsonSchema,
  context: SchemaGenerationContext,
  random: RandomSource,
  depth: number,
): unknown[] {
  const minItems = schema.minItems ?? 0;
  const maxItems = schema.maxItems ?? Math.max(minItems, 3);
  const count = Math.min(maxItems, Math.max(minItems, 2));
  const tuple = Array.isArray(schema.items) ? schema.items : undefined;
  const values: unknown[] = [];
  for (let index = 0; index < count; index++) {
    const itemSchema = tuple
      ? (tuple[index] ?? {})
      : ((schema.items as JsonSchema | undefined) ?? {});
    values.push(generateValue(itemSchema, root, context, random, depth + 1));
  }
  return values;
}

function generateNumber(schema: JsonSchema, random: RandomSource, integer: boolean): number {
  const step = integer ? 1 : 0.001;
  const lower =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : 0);
  const upper =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - step : lower + 100);
  if (integer)
    return Math.ceil(lower) + Math.floor(random() * (Math.floor(upper) - Math.ceil(lower) + 1));
  return Number((lower + random() * (upper - lower)).toFixed(3));
}

function generateString(schema: JsonSchema, random: RandomSource): string {
  const formatted = generateFormatted(schema.format, random);
  if (formatted !== undefined) return formatted;
  let text = generateSentence(random, 2 + Math.floor(random() * 4));
  const minLength = schema.minLength ?? 0;
  while (text.length < minLength) text += ` ${generateSentence(random, 2)}`;
  if (schema.maxLength !== undefined && text.length > schema.maxLength)
    text = text.slice(0, schema.maxLength);
  return text;
}

function generateFormatted(format: string | undefined, random: RandomSource): string | undefined {
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  switch (format) {
    case 'date-time':
      return new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 3e10)).toISOString();
    case 'date':
      return new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 3e10))
        .toISOString()
        .slice(0, 10);
    case 'email':
      return `user${Math.floor(random() * 1000)}@example.com`;
    case 'uri':
    case 'url':
      return `https://example.com/${hex(8)}`;
    case 'uuid':
      return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
    default:
      return undefined;
  }
}
