import { describe, expect, it } from 'vitest';
import { openAIClient, startForTest } from './helpers';

describe('POST /v1/responses with the OpenAI SDK', () => {
  it('answers with output_text and usage', async () => {
    const client = openAIClient(await startForTest());
    const response = await client.responses.create({
      model: 'gpt-sim',
      input: 'Hello',
      instructions: 'Be brief',
    });
    expect(response.status).toBe('completed');
    expect(response.instructions).toBe('Be brief');
    expect(response.output_text.split(' ')).toHaveLength(16);
    expect(response.usage).toMatchObject({ input_tokens: 4, output_tokens: 16, total_tokens: 20 });
  });

  it('streams the documented events in order with increasing sequence numbers', async () => {
    const client = openAIClient(await startForTest({ defaultModel: { responseTokens: 3 } }));
    const stream = await client.responses.create({
      model: 'gpt-sim',
      input: 'Hello',
      stream: true,
    });
    const types: string[] = [];
    const sequence: number[] = [];
    let text = '';
    for await (const event of stream) {
      types.push(event.type);
      sequence.push(event.sequence_number);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.output_text.done') expect(event.text).toBe(text);
      if (event.type === 'response.completed') expect(event.response.usage?.output_tokens).toBe(3);
    }
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(sequence).toEqual(types.map((_, index) => index));
  });

  it('reports an incomplete response at max_output_tokens', async () => {
    const client = openAIClient(await startForTest());
    const response = await client.responses.create({
      model: 'gpt-sim',
      input: 'Hello',
      max_output_tokens: 5,
    });
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details?.reason).toBe('max_output_tokens');
  });

  it('answers json_schema text formats with a valid value', async () => {
    const client = openAIClient(await startForTest());
    const response = await client.responses.create({
      model: 'gpt-sim',
      input: '[7] First\n[8] Second',
      text: {
        format: {
          type: 'json_schema',
          name: 'batch',
          schema: {
            type: 'object',
            properties: {
              answers: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { id: { type: 'integer' }, answer: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    });
    expect(
      JSON.parse(response.output_text).answers.map((answer: { id: number }) => answer.id),
    ).toEqual([7, 8]);
  });
});

describe('POST /v1/embeddings with the OpenAI SDK', () => {
  it('decodes the base64 vectors the SDK asks for by default, equal to float ones', async () => {
    const client = openAIClient(await startForTest());
    const base64 = await client.embeddings.create({ model: 'emb', input: ['one', 'two'] });
    const floats = await client.embeddings.create({
      model: 'emb',
      input: ['one', 'two'],
      encoding_format: 'float',
    });
    expect(base64.data).toHaveLength(2);
    expect(base64.data[0]?.embedding).toEqual(floats.data[0]?.embedding);
    expect(base64.data[1]?.embedding).not.toEqual(floats.data[0]?.embedding);
    expect(floats.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
  });

  it('embeds a single string and honours dimensions', async () => {
    const client = openAIClient(await startForTest());
    const result = await client.embeddings.create({
      model: 'emb',
      input: 'solo',
      dimensions: 12,
      encoding_format: 'float',
    });
    expect(result.data[0]?.embedding).toHaveLength(12);
    expect(result.data[0]?.index).toBe(0);
  });
});

describe('GET /v1/models', () => {
  it('lists the configured models and rejects unknown ones when asked to', async () => {
    const simulator = await startForTest({
      models: { alpha: {}, beta: {} },
      rejectUnknownModels: true,
    });
    const client = openAIClient(simulator);
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['alpha', 'beta']);
    expect((await client.models.retrieve('alpha')).id).toBe('alpha');
    await expect(
      client.chat.completions.create({ model: 'gamma', messages: [] }),
    ).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
    });
  });
});
