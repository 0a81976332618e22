import { InvalidOptionError } from '@resilient-llm/core';

/** Throws `InvalidOptionError` unless `model` is an AI SDK model: a model object or a model id. */
export function assertAiSdkModel(field: string, model: unknown): void {
  const isModelId = typeof model === 'string' && model.trim() !== '';
  const isModel = typeof model === 'object' && model !== null && !Array.isArray(model);
  if (!isModelId && !isModel) {
    throw new InvalidOptionError({
      field,
      value: model,
      reason: 'must be an AI SDK model (or a model id of the default provider)',
    });
  }
}
