import { createPromptBatcher } from '@resilient-llm/batch';
import { createOpenAIBatchSender } from '@resilient-llm/batch/openai';
import { createCacheStage, MemoryCacheStore } from '@resilient-llm/cache';
import { createResilientOpenAI, getProvenance } from '@resilient-llm/openai';
import { RetryPolicy } from '@resilient-llm/policies';
import OpenAI from 'openai';
import { check } from './check.ts';

const question = {
  model: 'gpt-sim',
  temperature: 0,
  messages: [{ role: 'user' as const, content: 'What does a cache do?' }],
};

/** Policies alone, the response cache (a second identical call is a hit), and batching. */
export function coreCacheBatchChecks(baseURL: string) {
  const client = new OpenAI({ baseURL, apiKey: 'sk-smoke', dangerouslyAllowBrowser: true });
  return [
    check('policies: retry', async () => {
      let calls = 0;
      const retry = new RetryPolicy({ maxAttempts: 3, initialDelayMs: 1 });
      return retry.execute(async () => {
        calls += 1;
        if (calls < 2) throw new Error('once');
        return calls;
      });
    }),
    check('cache: second identical call is a hit', async () => {
      const cache = createCacheStage({
        store: new MemoryCacheStore({ maxEntries: 10 }),
        fingerprintSecret: 'smoke-check-fingerprint-secret',
      });
      const openai = createResilientOpenAI({
        targets: [{ id: 'simulator', client }],
        stages: [cache],
      });
      await openai.chat.completions.create(question);
      // The cache writes without delaying the caller: let the write land.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const second = await openai.chat.completions.create(question);
      return getProvenance(second)?.targetId === 'cache';
    }),
    check('batch: prompts answered in one request', async () => {
      const batcher = createPromptBatcher({
        send: createOpenAIBatchSender({ client, model: 'gpt-sim' }),
        instructions: 'Say in a few words what this is about.',
        maxBatchSize: 4,
      });
      const prompts = ['an invoice', 'a refund', 'a delivery'];
      const answers = await Promise.all(prompts.map((prompt) => batcher.run(prompt)));
      return answers.every((answer) => typeof answer === 'string' && answer.length > 0);
    }),
  ];
}
