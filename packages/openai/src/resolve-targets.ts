import { InvalidOptionError } from '@resilient-llm/core';
import { assertKnownKeys, assertString } from '@resilient-llm/core/binding';
import { defaultTargetId } from './default-target-id';
import { type ModelMapping, type OpenAITarget, openAITargetKeys } from './openai-target';

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
    const field = `targets[${index}]`;
    if (typeof target !== 'object' || target === null || Array.isArray(target))
      throw new InvalidOptionError({
        field,
        value: target,
        reason: 'must be { client, models?, id? }',
      });
    assertKnownKeys(field, target, openAITargetKeys);
    assertClient(`${field}.client`, target.client);
    assertString(`${field}.id`, target.id);
    const id = target.id ?? uniqueDefaultId(defaultTargetId(target.client.baseURL), index, taken);
    if (taken.has(id)) {
      throw new InvalidOptionError({
        field: `${field}.id`,
        value: id,
        reason: 'is the id of an earlier target; ids must be unique',
      });
    }
    taken.add(id);
    const models = checkedModels(`${field}.models`, target.models);
    return models === undefined ? { ...target, id } : { ...target, models, id };
  });
}

function uniqueDefaultId(host: string, index: number, taken: ReadonlySet<string>): string {
  return taken.has(host) ? `${host}#${index}` : host;
}

function assertClient(field: string, client: unknown): asserts client is OpenAITarget['client'] {
  const sdk = client as Partial<OpenAITarget['client']> | null | undefined;
  if (
    typeof sdk !== 'object' ||
    sdk === null ||
    typeof sdk.baseURL !== 'string' ||
    typeof sdk.chat?.completions?.create !== 'function' ||
    typeof sdk.responses?.create !== 'function' ||
    typeof sdk.embeddings?.create !== 'function'
  ) {
    throw new InvalidOptionError({
      field,
      value: client,
      reason: 'must be an OpenAI client (new OpenAI({ baseURL, apiKey }))',
    });
  }
}

/**
 * The model mapping of a target, validated: a record of non-empty names, or a function whose
 * every answer is checked before a request goes out (a function that returns no name fails
 * the call with `InvalidOptionError` naming `field`, instead of sending a request without a
 * model).
 */
function checkedModels(field: string, models: unknown): ModelMapping | undefined {
  if (models === undefined) return undefined;
  if (typeof models === 'function') {
    return (model: string) => {
      const mapped: unknown = models(model);
      if (typeof mapped === 'string' && mapped !== '') return mapped;
      throw new InvalidOptionError({
        field,
        value: mapped,
        reason: `must return a non-empty model name (it was asked for ${JSON.stringify(model)})`,
      });
    };
  }
  if (typeof models !== 'object' || models === null || Array.isArray(models)) {
    throw new InvalidOptionError({
      field,
      value: models,
      reason: 'must be a record of model names or a function of the model name',
    });
  }
  for (const [from, to] of Object.entries(models)) {
    if (typeof to !== 'string' || to === '') {
      throw new InvalidOptionError({
        field: `${field}.${from}`,
        value: to,
        reason: 'must be a non-empty model name',
      });
    }
  }
  return models as ModelMapping;
}
