import type { ModelMapping } from './openai-target';

/** The model name a target uses for the model the caller asked for. */
export function mapModel(models: ModelMapping | undefined, model: string): string {
  if (models === undefined) return model;
  if (typeof models === 'function') return models(model);
  // Own properties only: a caller's model named `constructor` must not find Object's members.
  return Object.hasOwn(models, model) ? models[model]! : model;
}
