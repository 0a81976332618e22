import { InvalidOptionError } from '@resilient-llm/core';
import { assertKnownKeys } from '@resilient-llm/core/binding';
import { defaultTargetId } from './default-target-id';
import { type ModelEntry, type ModelTarget, modelEntryKeys } from './model-target';

/** What a model of the AI SDK's specification version 4 has in common, for validation. */
interface VersionedModel {
  readonly specificationVersion: string;
  readonly provider: string;
  readonly modelId: string;
}

/**
 * Validates a fallback chain of AI SDK models and resolves each entry to a target with a
 * unique id. Errors name the entry (`models[1]`, `models[2].id`) and show its value.
 */
export function prepareModelTargets<TModel extends VersionedModel>(
  entries: readonly ModelEntry<TModel>[] | undefined,
  { field, methods }: { field: string; methods: readonly string[] },
): ModelTarget<TModel>[] {
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new InvalidOptionError({ field, value: entries, reason: 'must be a non-empty array' });
  }
  const targets = entries.map((entry: unknown, index) => {
    const isWrapped = isObject(entry) && !('specificationVersion' in entry) && 'model' in entry;
    const model = isWrapped ? entry.model : entry;
    const modelField = isWrapped ? `${field}[${index}].model` : `${field}[${index}]`;
    if (isWrapped) assertKnownKeys(`${field}[${index}]`, entry, modelEntryKeys);
    assertModel(model, modelField, methods);
    const id = isWrapped && entry.id !== undefined ? entry.id : defaultTargetId(model);
    if (typeof id !== 'string' || id === '') {
      throw new InvalidOptionError({
        field: `${field}[${index}].id`,
        value: id,
        reason: 'must be a non-empty string',
      });
    }
    return { model: model as TModel, id };
  });
  targets.forEach(({ id }, index) => {
    if (targets.findIndex((target) => target.id === id) !== index) {
      throw new InvalidOptionError({
        field: `${field}[${index}]`,
        value: id,
        reason: 'repeats the id of an earlier model; give one of them an id: { model, id }',
      });
    }
  });
  return targets;
}

function assertModel(
  model: unknown,
  field: string,
  methods: readonly string[],
): asserts model is VersionedModel {
  if (!isObject(model)) {
    throw new InvalidOptionError({ field, value: model, reason: 'must be an AI SDK model' });
  }
  if (model.specificationVersion !== 'v4') {
    throw new InvalidOptionError({
      field,
      value: model.specificationVersion,
      reason: "must implement specification version 'v4' (update the provider package)",
    });
  }
  for (const method of methods) {
    if (typeof model[method] !== 'function') {
      throw new InvalidOptionError({
        field: `${field}.${method}`,
        value: model[method],
        reason: 'must be a function',
      });
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
