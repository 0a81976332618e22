// Recipe: batch many small prompts, coalesce embeddings. Forty short classification prompts
// arrive at once and go out as two requests; thirty concurrent single-text embeddings go out
// as one. Every batch still goes through the resilient client's retries and pacing.
import { createEmbeddingCoalescer, createPromptBatcher } from '@resilient-llm/batch';
import { createOpenAIBatchSender, createOpenAIEmbeddingSender } from '@resilient-llm/batch/openai';
import { createResilientOpenAI } from '@resilient-llm/openai';
import { startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';

const provider = await startSimulator({ seed: 3 });
const openai = createResilientOpenAI({
  targets: [{ client: new OpenAI({ baseURL: provider.baseURL, apiKey: 'sk-demo' }) }],
});

const labeller = createPromptBatcher({
  send: createOpenAIBatchSender({ client: openai, model: 'gpt-sim' }),
  instructions: 'Say in a few words what the customer wants.', // sent once per batch
  maxBatchSize: 20,
});
const messages = Array.from({ length: 40 }, (_, index) => `Message ${index}: my invoice is wrong`);
const labels = await Promise.all(messages.map((message) => labeller.run(message)));
const afterPrompts = provider.stats().requests;
console.log(`${labels.length} prompts answered with ${afterPrompts} requests`);
console.log(`first answer: ${labels[0]}`);

const embedder = createEmbeddingCoalescer({
  send: createOpenAIEmbeddingSender({ client: openai, model: 'text-embedding-sim' }),
});
const words = Array.from({ length: 30 }, (_, index) => `search term ${index}`);
const vectors = await Promise.all(words.map((word) => embedder.embed(word)));
const embeddingRequests = provider.stats().requests - afterPrompts;
console.log(
  `${vectors.length} embeddings (${vectors[0]?.length} dimensions) with ${embeddingRequests} request`,
);

await provider.close();
if (afterPrompts > 2 || embeddingRequests > 1) process.exit(1);
