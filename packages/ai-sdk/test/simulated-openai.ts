import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { RunningSimulator } from '@resilient-llm/simulator';

/** The two OpenAI APIs the AI SDK speaks, each pointed at the simulator. */
export const openAiApis = [
  { api: 'chat completions', provider: 'openai.chat' },
  { api: 'responses', provider: 'openai.responses' },
] as const;

/** A model factory for one API of the simulator: `openai.chat(id)` or `openai(id)`. */
export function simulatedModels(
  simulator: RunningSimulator,
  api: (typeof openAiApis)[number]['api'],
): (modelId: string) => LanguageModelV4 {
  const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-test' });
  return (modelId) => (api === 'chat completions' ? openai.chat(modelId) : openai(modelId));
}

/** Requests that reached the simulator for one model. */
export function requestsTo(simulator: RunningSimulator, modelId: string): number {
  return simulator.stats().byModel[modelId]?.requests ?? 0;
}
