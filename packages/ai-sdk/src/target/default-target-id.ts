/** The id of a target nobody named: `provider:modelId`, e.g. `openai.chat:gpt-4o`. */
export function defaultTargetId(model: { readonly provider: string; readonly modelId: string }) {
  return `${model.provider}:${model.modelId}`;
}
