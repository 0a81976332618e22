import { createOpenAI } from '@ai-sdk/openai';
import { embedMany, generateText, jsonSchema, Output, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startForTest } from './helpers';

describe('the AI SDK against the simulator', () => {
  it('generateText through the Responses API (the default model)', async () => {
    const simulator = await startForTest();
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-ai' });
    const result = await generateText({ model: openai('gpt-sim'), prompt: 'Hello', maxRetries: 0 });
    expect(result.text.split(' ')).toHaveLength(16);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.outputTokens).toBe(16);
    expect(simulator.stats().byKey['sk-ai']?.byStatus['200']).toBe(1);
  });

  it('streamText through the Responses API', async () => {
    const simulator = await startForTest();
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-ai' });
    const result = streamText({ model: openai('gpt-sim'), prompt: 'Stream', maxRetries: 0 });
    const parts: string[] = [];
    for await (const delta of result.textStream) parts.push(delta);
    expect(parts.length).toBe(16);
    expect(await result.finishReason).toBe('stop');
    expect((await result.usage).outputTokens).toBe(16);
  });

  it('generateText and streamText through chat completions', async () => {
    const simulator = await startForTest();
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-ai' });
    const generated = await generateText({
      model: openai.chat('gpt-sim'),
      prompt: 'Hi',
      maxRetries: 0,
    });
    const streamed = streamText({ model: openai.chat('gpt-sim'), prompt: 'Hi', maxRetries: 0 });
    expect(await streamed.text).toBe(generated.text);
    expect((await streamed.usage).outputTokens).toBe(16);
  });

  it('structured output valid against a zod schema, both APIs', async () => {
    const simulator = await startForTest();
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-ai' });
    const schema = z.object({
      title: z.string(),
      rating: z.number().int().min(1).max(5),
      tags: z.array(z.enum(['a', 'b'])),
    });
    for (const model of [openai('gpt-sim'), openai.chat('gpt-sim')]) {
      const result = await generateText({
        model,
        prompt: 'Review',
        output: Output.object({ schema }),
        maxRetries: 0,
      });
      expect(schema.safeParse(result.output).success).toBe(true);
    }
  });

  it('tool calls through the Responses API, streamed and not', async () => {
    const simulator = await startForTest();
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-ai' });
    const tools = {
      weather: tool({
        inputSchema: jsonSchema<{ city: string }>({
          type: 'object',
          properties: { city: { type: 'string' } },
          required: ['city'],
        }),
      }),
    };
    const generated = await generateText({
      model: openai('gpt-sim'),
      prompt: 'Weather?',
      tools,
      maxRetries: 0,
    });
    expect(generated.toolCalls[0]?.toolName).toBe('weather');
    const streamed = streamText({
      model: openai('gpt-sim'),
      prompt: 'Weather?',
      tools,
      maxRetries: 0,
    });
    expect((await streamed.toolCalls)[0]?.toolName).toBe('weather');
  });

  it('embedMany with deterministic unit vectors', async () => {
    const simulator = await startForTest();
    const openai = createOpenAI({ baseURL: simulator.baseURL, apiKey: 'sk-ai' });
    const model = openai.embedding('text-embedding-sim');
    const { embeddings, usage } = await embedMany({
      model,
      values: ['alpha', 'beta', 'alpha'],
      maxRetries: 0,
    });
    expect(embeddings).toHaveLength(3);
    expect(embeddings[0]).toHaveLength(256);
    expect(embeddings[2]).toEqual(embeddings[0]);
    expect(embeddings[1]).not.toEqual(embeddings[0]);
    const norm = Math.sqrt(embeddings[0]!.reduce((sum, value) => sum + value * value, 0));
    expect(norm).toBeCloseTo(1, 5);
    expect(usage.tokens).toBe(5);
  });
});
