import { createOpenAI } from '@ai-sdk/openai';
import {
  injectEmbeddingModelFaults,
  injectFaults,
  injectLanguageModelFaults,
  SimulatedFaultError,
} from '@resilient-llm/simulator/inject';
import { APICallError } from 'ai';

async function fetchUser(id: number, options?: { signal?: AbortSignal }) {
  options?.signal?.throwIfAborted();
  return { id, name: `user ${id}` };
}

const flakyFetchUser = injectFaults(fetchUser, {
  seed: 3,
  faults: [{ type: 'server-error', probability: 0.2 }],
});
for (let id = 1; id <= 5; id++) {
  try {
    console.log(await flakyFetchUser(id));
  } catch (error) {
    if (!SimulatedFaultError.isInstance(error)) throw error;
    console.log(`${id}: ${error.statusCode} (retryable: ${error.isRetryable})`);
    console.log(`  the AI SDK sees an APICallError: ${APICallError.isInstance(error)}`);
  }
}

// Models wrap the same way; pass them wherever the real ones go (generateText, embedMany...).
const openai = createOpenAI(); // reads OPENAI_API_KEY when a call is made
const chaoticModel = injectLanguageModelFaults(openai('gpt-4o'), 'flaky-stream');
const slowEmbedder = injectEmbeddingModelFaults(openai.embedding('text-embedding-3-small'), {
  latency: { firstTokenMedianMs: 300, firstTokenP99Ms: 3000 },
});
console.log(`wrapped ${chaoticModel.modelId} and ${slowEmbedder.modelId}`);
