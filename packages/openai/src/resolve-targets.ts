import { InvalidOptionError } from '@resilient-llm/core';
import { defaultTargetId } from './default-target-id';
import type { OpenAITarget } from './openai-target';

/** A target whose id is settled. */
export type ResolvedTarget = OpenAITarget & { readonly id: string };

/**
 * Validates the targets and gives each one its id: the given `id`, else the host of the
 * client's `baseURL`, with `#index` appended when an earlier target already has that id
 * (the same gateway with another model, say). Throws `InvalidOptionError` naming the field.
 */
export function resolveTargets(targets: readonly OpenAITarget[]): ResolvedTarget[] {
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new InvalidOptionError({
      field: 'targets',
      value: targets,
      reason: 'must be a non-empty array of { client, models?, id? }',
    });
  }
  const taken = new Set<string>();
  return targets.map((target: OpenAITarget, index) => {
    assertTarget(target, index);
    const id = target.id ?? uniqueDefaultId(defaultTargetId(target.client.baseURL), index, taken);
    if (taken.has(id)) {
      throw new InvalidOptionError({
        field: `targets[${index}].id`,
        value: id,
        reason: 'is the id of an earlier target; ids must be unique',
      });
    }
    taken.add(id);
    return { ...target, id };
  });
}

function uniqueDefaultId(host: string, index: number, taken: ReadonlySet<string>): string {
  return taken.has(host) ? `${host}#${index}` : host;
}

function assertTarget(target: OpenAITarget, index: number): void {
  const field = `targets[${index}]`;
  if (typeof target !== 'object' || target === null) {
    throw new InvalidOptionError({
      field,
      value: target,
      reason: 'must be { client, models?, id? }',
    });
  }
  const { client, models, id } = target;
  if (typeof client !== 'object' || client === null || typeof client.chat !== 'object') {
    throw new InvalidOptionError({
      field: `${field}.client`,
      value: client,
      reason: 'must be an OpenAI client (new OpenAI({ baseURL, apiKey }))',
    });
  }
  if (
    models !== undefined &&
    typeof models !== 'function' &&
    (typeof models !== 'object' || models === null)
  ) {
    throw new InvalidOptionError({
      field: `${field}.models`,
      value: models,
      reason: 'must be a record of model names or a function of the model name',
    });
  }
  if (models !== undefined && typeof models === 'object') {
    for (const [from, to] of Object.entries(models)) {
      if (typeof to !== 'string' || to === '') {
        throw new InvalidOptionError({
          field: `${field}.models.${from}`,
          value: to,
          reason: 'must be a non-empty model name',
        });
      }
    }
  }
  if (id !== undefined && (typeof id !== 'string' || id === '')) {
    throw new InvalidOptionError({
      field: `${field}.id`,
      value: id,
      reason: 'must be a non-empty string',
    });
  }
}
