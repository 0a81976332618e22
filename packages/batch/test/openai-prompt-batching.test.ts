import { AbortedError, AllTargetsFailedError } from '@resilient-llm/core';
import { createResilientOpenAI } from '@resilient-llm/openai';
import { driveClock, waitForCondition, yieldToIo } from '@resilient-llm/simulator';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createPromptBatcher, MissingItemAnswerError } from '../src/index';
import { createOpenAIBatchSender } from '../src/openai';
import { prompts, referenceAnswers } from './reference-answers';
import { tamperingFetch } from './tampering-fetch';

const model = 'gpt-sim';

describe('prompt batching through the resilient OpenAI client', () => {
  const start = useSimulator();

  it('answers 100 concurrent items in 10 requests, each with its own answer', async () => {
    const { simulator, clock } = await start();
    const openai = createResilientOpenAI({
      targets: [{ client: new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batch' }) }],
      clock,
    });
    const batcher = createPromptBatcher({
      send: createOpenAIBatchSender({ client: openai, model }),
      instructions: 'Answer in one short sentence.',
      maxBatchSize: 10,
      clock,
    });
    const questions = prompts(100);

    const answers = await driveClock(
      clock,
      Promise.all(questions.map((question) => batcher.run(question))),
    );

    expect(simulator.stats().byKey['sk-batch']?.requests).toBe(10);
    const reference = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-reference' });
    expect(answers).toEqual(await referenceAnswers(reference, model, questions));
    expect(new Set(answers).size).toBe(100);
  });

  it('retries items alone after a malformed, partial, reordered or invalid batch answer', async () => {
    const { simulator, clock } = await start();
    const { fetch, seen } = tamperingFetch((content, request) => {
      if (request.lines.length < 10) return content;
      const group = request.lines[0]!.slice(4, 5);
      const answer = JSON.parse(content) as { answers: { id: string; answer: unknown }[] };
      if (group === 'a') return content.slice(0, 25); // cut off: not JSON
      if (group === 'b') answer.answers = answer.answers.slice(3).reverse(); // 3 missing, reordered
      if (group === 'c') answer.answers[1]!.answer = 42; // not a string
      if (group === 'd') answer.answers.push({ id: '5', answer: 'another answer' }); // ambiguous
      return JSON.stringify(answer);
    });
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batch', fetch });
    const batcher = createPromptBatcher({
      send: createOpenAIBatchSender({
        client: createResilientOpenAI({ targets: [{ client }], clock }),
        model,
      }),
      maxBatchSize: 10,
      clock,
    });
    const questions = ['a', 'b', 'c', 'd', 'e'].flatMap((group) => prompts(10, group));

    const answers = await driveClock(
      clock,
      Promise.all(questions.map((question) => batcher.run(question))),
    );

    const reference = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-reference' });
    expect(answers).toEqual(await referenceAnswers(reference, model, questions));
    // 5 batches, then alone: 10 of the malformed one, 3 missing, 1 invalid, 1 ambiguous.
    expect(seen).toHaveLength(5 + 10 + 3 + 1 + 1);
    expect(seen.filter((request) => request.lines.length === 1)).toHaveLength(15);
  });

  it('gives an item its own error when its answer stays missing after its retries', async () => {
    const { simulator, clock } = await start();
    const { fetch, seen } = tamperingFetch((content, request) => {
      const answer = JSON.parse(content) as { answers: { id: string; answer: unknown }[] };
      answer.answers = answer.answers.filter((_, index) => !request.lines[index]!.includes('x1:'));
      return JSON.stringify(answer);
    });
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batch', fetch });
    const batcher = createPromptBatcher({
      send: createOpenAIBatchSender({ client, model }),
      itemRetries: 2,
      clock,
    });

    const results = await driveClock(
      clock,
      Promise.allSettled(prompts(3, 'x').map((question) => batcher.run(question))),
    );

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const error = (results[1] as PromiseRejectedResult).reason;
    expect(MissingItemAnswerError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ attempts: 3 });
    expect(seen).toHaveLength(3);
  });

  it('leaves the others unharmed when one caller aborts, before or during the request', async () => {
    const { simulator, clock } = await start({
      slow: { latency: { firstTokenMedianMs: 1_000 } },
    });
    const { fetch, seen } = tamperingFetch((content) => content);
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batch', fetch });
    const openai = createResilientOpenAI({ targets: [{ client }], clock });
    const batcher = createPromptBatcher({
      send: createOpenAIBatchSender({ client: openai, model: 'slow' }),
      maxWaitMs: 50,
      clock,
    });
    const questions = prompts(6);
    const controllers = questions.map(() => new AbortController());
    const calls = questions.map((question, index) =>
      batcher.run(question, { signal: controllers[index]!.signal }),
    );
    for (const call of calls) call.catch(() => {});

    controllers[1]!.abort(); // still waiting for its batch
    clock.advance(50); // the window closes: the batch leaves with 5 items
    await yieldToIo();
    controllers[4]!.abort(); // its batch is in flight
    await yieldToIo();
    await expect(calls[4]).rejects.toSatisfy(AbortedError.isInstance);

    const results = await driveClock(clock, Promise.allSettled(calls));

    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(AbortedError.isInstance((results[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.lines).toHaveLength(5);
    expect(seen[0]!.lines.join('\n')).not.toContain(questions[1]);
    const reference = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-reference' });
    const expected = await driveClock(clock, referenceAnswers(reference, 'slow', questions));
    for (const index of [0, 2, 3, 5]) {
      expect((results[index] as PromiseFulfilledResult<string>).value).toBe(expected[index]);
    }
  });

  it('cancels the request once every caller of its batch has aborted', async () => {
    const { simulator, clock } = await start({ slow: { latency: { firstTokenMedianMs: 5_000 } } });
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batch' });
    const batcher = createPromptBatcher({
      send: createOpenAIBatchSender({ client, model: 'slow' }),
      maxBatchSize: 2,
      clock,
    });
    const controller = new AbortController();
    const calls = prompts(2).map((question) =>
      batcher.run(question, { signal: controller.signal }),
    );
    for (const call of calls) call.catch(() => {});
    await waitForCondition(() => simulator.stats().inFlight === 1);

    controller.abort();
    const results = await Promise.allSettled(calls);

    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    await waitForCondition(() => simulator.stats().inFlight === 0);
    expect(simulator.stats().requests).toBe(1);
  });

  it('gives every item of a failing batch an error, and none hangs', async () => {
    const { simulator, clock } = await start({
      down: { faults: [{ type: 'server-error', status: 503 }] },
    });
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batch' });
    const openai = createResilientOpenAI({
      targets: [{ client }],
      retry: { maxAttempts: 2, jitter: 'none', initialDelayMs: 100 },
      circuitBreaker: false,
      clock,
    });
    const batcher = createPromptBatcher({
      send: createOpenAIBatchSender({ client: openai, model: 'down' }),
      maxBatchSize: 10,
      clock,
    });

    const results = await driveClock(
      clock,
      Promise.allSettled(prompts(25).map((question) => batcher.run(question))),
    );

    expect(results).toHaveLength(25);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect(AllTargetsFailedError.isInstance((result as PromiseRejectedResult).reason)).toBe(true);
    }
    // 3 batches, 2 attempts each: a failed batch is not repeated item by item.
    expect(simulator.stats().requests).toBe(6);
  });

  it('waits as long as a 429 asks and retries the batch, through the pipeline’s limiter', async () => {
    const { simulator, clock } = await start({
      limited: { rateLimit: { requestsPerWindow: 2, windowMs: 1_000 } },
    });
    const client = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batch' });
    const openai = createResilientOpenAI({
      targets: [{ client }],
      retry: { maxAttempts: 5, jitter: 'none', initialDelayMs: 10 },
      rateLimit: { windowMs: 1_000 },
      clock,
    });
    const batcher = createPromptBatcher({
      send: createOpenAIBatchSender({ client: openai, model: 'limited' }),
      maxBatchSize: 10,
      clock,
    });
    const questions = prompts(40);

    const answers = await driveClock(
      clock,
      Promise.all(questions.map((question) => batcher.run(question))),
    );

    const stats = simulator.stats();
    expect(stats.byStatus['200']).toBe(4);
    expect(stats.rateLimited).toBeGreaterThanOrEqual(1);
    expect(clock.now()).toBeGreaterThanOrEqual(1_000);
    // An item's answer depends only on the seed and its question, so an unlimited model serves as reference.
    const reference = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-reference' });
    expect(answers).toEqual(await referenceAnswers(reference, 'gpt-sim', questions));
  });
});
