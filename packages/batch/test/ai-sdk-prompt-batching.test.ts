import { createOpenAI } from '@ai-sdk/openai';
import { createResilientModel } from '@resilient-llm/ai-sdk';
import { driveClock } from '@resilient-llm/simulator';
import { useSimulator } from '@resilient-llm/test-utils/use-simulator';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerSchemaOf, createAiSdkBatchSender } from '../src/ai-sdk';
import { createPromptBatcher } from '../src/index';
import { prompts, referenceAnswers } from './reference-answers';
import { tamperingFetch } from './tampering-fetch';

describe('prompt batching through the resilient AI SDK model', () => {
  const start = useSimulator();

  it.each([
    { api: 'chat completions', pick: 'chat' },
    { api: 'responses', pick: 'responses' },
  ] as const)(
    'falls over to a healthy model and gives each of 100 items its own zod-checked answer ($api)',
    async ({ pick }) => {
      const { simulator, clock } = await start({
        down: { faults: [{ type: 'server-error', status: 503 }] },
      });
      const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batch' });
      const model = createResilientModel({
        models: [openai[pick]('down'), openai[pick]('gpt-sim')],
        retry: { maxAttempts: 1 },
        clock,
      });
      const answer = z.object({ verdict: z.string(), confidence: z.number() });
      const batcher = createPromptBatcher({
        send: createAiSdkBatchSender({ model }),
        answer: answerSchemaOf(answer),
        maxBatchSize: 10,
        clock,
      });
      const questions = prompts(100);

      const answers = await driveClock(
        clock,
        Promise.all(questions.map((question) => batcher.run(question))),
      );

      expect(simulator.stats().byModel['gpt-sim']?.requests).toBe(10);
      expect(simulator.stats().byModel.down?.requests).toBe(10);
      const reference = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-reference' });
      const expected = await referenceAnswers(reference, 'gpt-sim', questions, {
        type: 'object',
        properties: { verdict: { type: 'string' }, confidence: { type: 'number' } },
        required: ['verdict', 'confidence'],
        additionalProperties: false,
      });
      expect(answers).toEqual(expected);
      for (const item of answers) expect(answer.parse(item)).toEqual(item);
    },
  );

  it('sends the shared instructions once per batch, as the instructions of generateText', async () => {
    const { simulator, clock } = await start();
    const bodies: { messages: { role: string; content: unknown }[] }[] = [];
    const openai = createOpenAI({
      baseURL: simulator.baseURL,
      apiKey: 'sk-batch',
      fetch: async (input, init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return fetch(input, init);
      },
    });
    const batcher = createPromptBatcher({
      send: createAiSdkBatchSender({ model: openai.chat('gpt-sim') }),
      instructions: 'Reply in French.',
      maxBatchSize: 5,
      clock,
    });

    await driveClock(clock, Promise.all(prompts(5).map((question) => batcher.run(question))));

    expect(bodies).toHaveLength(1);
    const text = JSON.stringify(bodies[0]!.messages);
    expect(text.split('Reply in French.')).toHaveLength(2);
    expect(bodies[0]!.messages[0]).toMatchObject({ role: 'system' });
  });

  it('retries alone only the items whose answers fail the zod schema, or all after a cut-off answer', async () => {
    const { simulator, clock } = await start();
    const { fetch, seen } = tamperingFetch((content, request) => {
      if (request.lines.length < 5) return content;
      if (request.lines[0]!.startsWith('[1] cut')) return content.slice(0, 30);
      const answer = JSON.parse(content) as { answers: { id: string; answer: unknown }[] };
      answer.answers[0]!.answer = { verdict: 7 };
      answer.answers[3]!.answer = 'not an object';
      return JSON.stringify(answer);
    });
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-batch', fetch });
    const answer = z.object({ verdict: z.string() });
    const batcher = createPromptBatcher({
      send: createAiSdkBatchSender({
        model: createResilientModel({ models: [openai.chat('gpt-sim')], clock }),
      }),
      answer: answerSchemaOf(answer),
      maxBatchSize: 5,
      clock,
    });
    const questions = [...prompts(5, 'cut'), ...prompts(5, 'bad')];

    const answers = await driveClock(
      clock,
      Promise.all(questions.map((question) => batcher.run(question))),
    );

    expect(seen.map((request) => request.lines.length)).toEqual(
      expect.arrayContaining([5, 5, 1, 1, 1, 1, 1, 1, 1]),
    );
    expect(seen).toHaveLength(2 + 5 + 2);
    const reference = new OpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-reference' });
    expect(answers).toEqual(
      await referenceAnswers(reference, 'gpt-sim', questions, {
        type: 'object',
        properties: { verdict: { type: 'string' } },
        required: ['verdict'],
        additionalProperties: false,
      }),
    );
  });
});
