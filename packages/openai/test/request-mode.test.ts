import { createResilientModel, InvalidOptionError } from '@resilient-llm/core';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createOpenAIBinding } from '../src/index';

// A client whose every request is counted and refused: a check that works sends nothing.
function countingClient() {
  const sent: string[] = [];
  const client = new OpenAI({
    baseURL: 'http://127.0.0.1:1/v1',
    apiKey: 'sk-test',
    fetch: async (url) => {
      sent.push(String(url));
      throw new TypeError('fetch failed');
    },
  });
  return { client, sent };
}

const messages = [{ role: 'user' as const, content: 'Hi' }];

describe('the OpenAI binding refuses a request it cannot serve in the call mode', () => {
  it.each([
    [
      'a chat body without stream: true, to stream()',
      'stream',
      { endpoint: 'chat', body: { model: 'm', messages } },
      'body.stream',
    ],
    [
      'a chat body with stream: true, to generate()',
      'generate',
      { endpoint: 'chat', body: { model: 'm', messages, stream: true } },
      'body.stream',
    ],
    [
      'a Responses body without stream: true, to stream()',
      'stream',
      { endpoint: 'responses', body: { model: 'm', input: 'Hi' } },
      'body.stream',
    ],
    [
      'an embeddings request, to stream()',
      'stream',
      { endpoint: 'embeddings', body: { model: 'e', input: 'Hi' } },
      'endpoint',
    ],
  ] as const)('%s: InvalidOptionError before anything is sent', async (_, mode, request, field) => {
    const { client, sent } = countingClient();
    const model = createResilientModel({
      binding: createOpenAIBinding(),
      targets: [
        { id: 'a', client },
        { id: 'b', client },
      ],
    });

    const error = await (mode === 'stream'
      ? model.stream(request as never)
      : model.generate(request as never)
    ).catch((caught: unknown) => caught);

    expect(InvalidOptionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field });
    expect(sent).toEqual([]);
  });
});
