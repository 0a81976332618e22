import { describe, expect, it } from 'vitest';
import { openAIClient, startForTest } from './helpers';

describe('POST /v1/chat/completions with the OpenAI SDK', () => {
  it('answers deterministically with usage', async () => {
    const simulator = await startForTest({ seed: 7 });
    const client = openAIClient(simulator);
    const request = {
      model: 'gpt-sim',
      messages: [{ role: 'user' as const, content: 'Hello there' }],
    };
    const first = await client.chat.completions.create(request);
    const second = await client.chat.completions.create(request);
    expect(first.choices[0]?.message.content).toBeTruthy();
    expect(second.choices[0]?.message.content).toBe(first.choices[0]?.message.content);
    expect(first.choices[0]?.finish_reason).toBe('stop');
    expect(first.usage).toMatchObject({
      prompt_tokens: 3,
      completion_tokens: 16,
      total_tokens: 19,
    });
  });

  it('truncates at max_tokens with finish_reason length', async () => {
    const client = openAIClient(await startForTest());
    const completion = await client.chat.completions.create({
      model: 'gpt-sim',
      max_tokens: 4,
      messages: [{ role: 'user', content: 'Tell me everything' }],
    });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.usage?.completion_tokens).toBe(4);
  });

  it('streams chunks, usage in a last chunk, and ends with [DONE]', async () => {
    const client = openAIClient(await startForTest());
    const stream = await client.chat.completions.create({
      model: 'gpt-sim',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Stream please' }],
    });
    let text = '';
    let usage: unknown;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish ??= chunk.choices[0]?.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text.split(' ')).toHaveLength(16);
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ completion_tokens: 16 });
  });

  it('calls a tool, then answers in text once the tool result is in', async () => {
    const client = openAIClient(await startForTest());
    const tools = [
      {
        type: 'function' as const,
        function: {
          name: 'get_weather',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
            required: ['city', 'unit'],
          },
        },
      },
    ];
    const messages = [{ role: 'user' as const, content: 'Weather in Paris?' }];
    const first = await client.chat.completions.create({ model: 'gpt-sim', messages, tools });
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    const args = call?.type === 'function' ? JSON.parse(call.function.arguments) : undefined;
    expect(['c', 'f']).toContain(args.unit);
    expect(typeof args.city).toBe('string');
    const second = await client.chat.completions.create({
      model: 'gpt-sim',
      tools,
      messages: [
        ...messages,
        first.choices[0]!.message,
        { role: 'tool', tool_call_id: call!.id, content: '{"temperature":21}' },
      ],
    });
    expect(second.choices[0]?.finish_reason).toBe('stop');
  });

  it('streams tool call arguments', async () => {
    const client = openAIClient(await startForTest());
    const stream = await client.chat.completions.create({
      model: 'gpt-sim',
      stream: true,
      tool_choice: 'required',
      tools: [
        {
          type: 'function',
          function: {
            name: 'lookup',
            parameters: {
              type: 'object',
              properties: { id: { type: 'integer', minimum: 1, maximum: 9 } },
              required: ['id'],
            },
          },
        },
      ],
      messages: [{ role: 'user', content: 'Look it up' }],
    });
    let argumentsText = '';
    for await (const chunk of stream)
      argumentsText += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.arguments ?? '';
    const parsed = JSON.parse(argumentsText);
    expect(parsed.id).toBeGreaterThanOrEqual(1);
    expect(parsed.id).toBeLessThanOrEqual(9);
  });

  it('answers json_schema requests with a valid value, one answer per [id] line', async () => {
    const client = openAIClient(await startForTest());
    const schema = {
      type: 'object',
      properties: {
        answers: {
          type: 'array',
          items: {
            type: 'object',
            properties: { id: { type: 'string' }, answer: { type: 'string' } },
            required: ['id', 'answer'],
            additionalProperties: false,
          },
        },
      },
      required: ['answers'],
      additionalProperties: false,
    };
    const completion = await client.chat.completions.create({
      model: 'gpt-sim',
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'batch', schema, strict: true },
      },
      messages: [
        {
          role: 'user',
          content: 'Answer each:\n[q1] What is 2+2?\n[q2] Capital of France?\n[q3] Colour of sky?',
        },
      ],
    });
    const value = JSON.parse(completion.choices[0]!.message.content!);
    expect(value.answers.map((answer: { id: string }) => answer.id)).toEqual(['q1', 'q2', 'q3']);
    for (const answer of value.answers) expect(typeof answer.answer).toBe('string');
  });

  it('answers json_object requests with JSON', async () => {
    const client = openAIClient(await startForTest());
    const completion = await client.chat.completions.create({
      model: 'gpt-sim',
      response_format: { type: 'json_object' },
      messages: [{ role: 'user', content: 'Reply in JSON' }],
    });
    expect(JSON.parse(completion.choices[0]!.message.content!)).toHaveProperty('answer');
  });
});
