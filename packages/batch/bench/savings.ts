// What batching saves: N small prompts sent one by one, then the same prompts through the
// prompt batcher, against one simulator, counting the requests and tokens it served for each.
// Run after building batch, core, policies, openai and simulator:
// `node packages/batch/bench/savings.ts [--items 200] [--batch-size 20] [--json]`
// (`--json`: one line `{ items, batchSize, unbatched, batched }` instead of the table).

import { parseArgs } from 'node:util';
import { createPromptBatcher } from '@resilient-llm/batch';
import { createOpenAIBatchSender } from '@resilient-llm/batch/openai';
import { createResilientOpenAI } from '@resilient-llm/openai';
import { startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '200' },
    'batch-size': { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});
const items = Number(values.items);
const batchSize = Number(values['batch-size']);

// Shared instructions, as a classification or extraction job would have.
const instructions = [
  'You label customer messages for a support team.',
  'For each message give a one-sentence summary of what the customer wants,',
  'written for an agent who has not read the message, without greetings or apologies,',
  'naming the product if the message names one and the order number if there is one.',
].join(' ');
const prompts = Array.from(
  { length: items },
  (_, index) => `Message ${index}: my order ${1000 + index} arrived late, can I get a refund?`,
);

const simulator = await startSimulator({ seed: 1 });
const model = 'gpt-sim';
try {
  // One by one: the instructions and the answer format with every prompt.
  const unbatchedClient = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-unbatched' });
  const unbatched = createResilientOpenAI({ targets: [{ client: unbatchedClient }] });
  await Promise.all(
    prompts.map((prompt) =>
      unbatched.chat.completions.create({
        model,
        messages: [
          { role: 'system', content: instructions },
          { role: 'user', content: prompt },
        ],
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'answer',
            strict: true,
            schema: {
              type: 'object',
              properties: { answer: { type: 'string' } },
              required: ['answer'],
              additionalProperties: false,
            },
          },
        },
      }),
    ),
  );

  // Batched: the same prompts through the batcher, the same pipeline.
  const batchedClient = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batched' });
  const batcher = createPromptBatcher({
    send: createOpenAIBatchSender({
      client: createResilientOpenAI({ targets: [{ client: batchedClient }] }),
      model,
    }),
    instructions,
    maxBatchSize: batchSize,
  });
  const answers = await Promise.all(prompts.map((prompt) => batcher.run(prompt)));
  if (answers.length !== items) throw new Error('An item went unanswered.');

  const stats = simulator.stats();
  const rows = ['sk-unbatched', 'sk-batched'].map((key) => {
    const counters = stats.byKey[key];
    if (!counters) throw new Error(`No requests for ${key}.`);
    return {
      key,
      requests: counters.requests,
      promptTokens: counters.promptTokens,
      completionTokens: counters.completionTokens,
      totalTokens: counters.promptTokens + counters.completionTokens,
    };
  });
  const [before, after] = rows as [(typeof rows)[0], (typeof rows)[0]];
  if (values.json) {
    console.log(JSON.stringify({ items, batchSize, unbatched: before, batched: after }));
  } else {
    console.table(rows);
    const reduction = (from: number, to: number) => {
      const change = (1 - to / from) * 100;
      return change >= 0 ? `${change.toFixed(1)}% fewer` : `${(-change).toFixed(1)}% more`;
    };
    console.log(
      `${items} items, batches of ${batchSize}: requests ${before.requests} -> ${after.requests} ` +
        `(${reduction(before.requests, after.requests)}), total tokens ` +
        `${before.totalTokens} -> ${after.totalTokens} (${reduction(before.totalTokens, after.totalTokens)}; ` +
        `prompt ${reduction(before.promptTokens, after.promptTokens)}, completion ${reduction(before.completionTokens, after.completionTokens)})`,
    );
  }
} finally {
  await simulator.close();
}
