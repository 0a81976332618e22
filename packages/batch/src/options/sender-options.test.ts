import { InvalidOptionError } from '@resilient-llm/core';
import { MockEmbeddingModelV4, MockLanguageModelV4 } from 'ai/test';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createAiSdkBatchSender, createAiSdkEmbeddingSender } from '../ai-sdk/index';
import { createEmbeddingCoalescer } from '../embedding/create-embedding-coalescer';
import { createOpenAIBatchSender, createOpenAIEmbeddingSender } from '../openai/index';

const client = new OpenAI({ baseURL: 'http://127.0.0.1:1/v1', apiKey: 'sk-test' });
const model = new MockLanguageModelV4();
const embedding = new MockEmbeddingModelV4();

function fieldOf(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    return InvalidOptionError.isInstance(error) ? error.field : `another error: ${error}`;
  }
  return 'no error';
}

describe('the senders and the coalescer refuse what they would otherwise ignore', () => {
  it.each([
    ['options', () => createOpenAIBatchSender(undefined as never)],
    ['modle', () => createOpenAIBatchSender({ client, modle: 'gpt' } as never)],
    ['strict', () => createOpenAIBatchSender({ client, model: 'gpt', strict: 'yes' } as never)],
    ['request', () => createOpenAIBatchSender({ client, model: 'gpt', request: 5 } as never)],
    // The sender sets these itself: given here, they would be overridden or break the batch.
    [
      'request.model',
      () => createOpenAIBatchSender({ client, model: 'gpt', request: { model: 'x' } } as never),
    ],
    [
      'request.stream',
      () => createOpenAIBatchSender({ client, model: 'gpt', request: { stream: true } } as never),
    ],
    ['options', () => createOpenAIEmbeddingSender(null as never)],
    [
      'request.input',
      () => createOpenAIEmbeddingSender({ client, model: 'e', request: { input: ['x'] } } as never),
    ],
    ['dimension', () => createOpenAIEmbeddingSender({ client, model: 'e', dimension: 3 } as never)],
    ['options', () => createAiSdkBatchSender(undefined as never)],
    ['model', () => createAiSdkBatchSender({ model: 5 } as never)],
    ['setting', () => createAiSdkBatchSender({ model, setting: {} } as never)],
    [
      'settings.maxRetries',
      () => createAiSdkBatchSender({ model, settings: { maxRetries: 3 } } as never),
    ],
    ['providerOptions', () => createAiSdkBatchSender({ model, providerOptions: 'x' } as never)],
    ['options', () => createAiSdkEmbeddingSender(undefined as never)],
    [
      'providerOption',
      () => createAiSdkEmbeddingSender({ model: embedding, providerOption: {} } as never),
    ],
    ['options', () => createEmbeddingCoalescer(undefined as never)],
    ['maxWait', () => createEmbeddingCoalescer({ send: async () => [], maxWait: 5 } as never)],
    ['clock.now', () => createEmbeddingCoalescer({ send: async () => [], clock: {} } as never)],
  ])('refuses %s', (field, build) => {
    expect(fieldOf(build)).toBe(field);
  });

  it('accepts what they document', () => {
    expect(
      fieldOf(() =>
        createOpenAIBatchSender({ client, model: 'gpt', strict: false, request: { seed: 1 } }),
      ),
    ).toBe('no error');
    expect(
      fieldOf(() =>
        createOpenAIEmbeddingSender({ client, model: 'e', request: { dimensions: 3 } }),
      ),
    ).toBe('no error');
    expect(
      fieldOf(() =>
        createAiSdkBatchSender({ model, settings: { temperature: 0 }, providerOptions: {} }),
      ),
    ).toBe('no error');
    expect(fieldOf(() => createAiSdkBatchSender({ model: 'openai/gpt-4o' }))).toBe('no error');
    expect(fieldOf(() => createAiSdkEmbeddingSender({ model: embedding }))).toBe('no error');
  });
});
