import type { LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { languageModelCacheOpened, languageModelCacheResponse } from './language-model-cache-value';

const timestamp = new Date(0);

describe('languageModelCacheResponse', () => {
  it('store a result without the request body and the raw response body', () => {
    const result = {
      content: [{ type: 'text', text: 'the answer' }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: { total: 3 }, outputTokens: { total: 2 } },
      warnings: [],
      request: { body: { messages: ['the secret prompt'] } },
      response: { id: 'r1', timestamp, modelId: 'm', headers: { a: 'b' }, body: { echo: 'x' } },
    } as unknown as LanguageModelV4GenerateResult;

    const { request: _request, ...answer } = result;
    expect(languageModelCacheResponse(result)).toEqual({
      ...answer,
      request: {},
      response: { id: 'r1', timestamp, modelId: 'm', headers: { a: 'b' } },
    });
    const bare = { ...answer, response: undefined } as LanguageModelV4GenerateResult;
    expect(languageModelCacheResponse(bare)).not.toHaveProperty('response');
  });
});

describe('languageModelCacheOpened', () => {
  it('stores what a stream opened without the request body', () => {
    const opened = {
      request: { body: 'the secret prompt', url: 'https://api.example/v1' },
      response: { headers: { a: 'b' } },
    };

    expect(languageModelCacheOpened(opened)).toEqual({
      request: { url: 'https://api.example/v1' },
      response: { headers: { a: 'b' } },
    });
    expect(languageModelCacheOpened({ response: { headers: {} } })).toEqual({
      request: undefined,
      response: { headers: {} },
    });
  });
});
