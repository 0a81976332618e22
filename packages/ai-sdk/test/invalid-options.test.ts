import { InvalidOptionError, systemClock } from '@resilient-llm/core';
import { refusal } from '@resilient-llm/test-utils/refusal';
import { MockEmbeddingModelV4, MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import {
  createEmbeddingBinding,
  createLanguageModelBinding,
  createResilientEmbeddingMiddleware,
  createResilientEmbeddingModel,
  createResilientMiddleware,
  createResilientModel,
} from '../src/index';

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Hi' }] }];

describe('the AI SDK adapter refuses what it would otherwise ignore', () => {
  const model = new MockLanguageModelV4({ modelId: 'gpt' });
  const embedding = new MockEmbeddingModelV4({ modelId: 'embed' });

  it.each([
    [
      'retry.maxAttemps',
      () => createResilientModel({ models: [model], retry: { maxAttemps: 1 } } as never),
      'maxAttempts',
    ],
    ['model', () => createResilientModel({ model } as never), 'models'],
    ['binding', () => createResilientModel({ models: [model], binding: {} } as never), undefined],
    ['models[0].ids', () => createResilientModel({ models: [{ model, ids: 'a' }] } as never), 'id'],
    [
      'rateLimit.targets.mock-provider:gpt.rpm',
      () =>
        createResilientModel({
          models: [model],
          rateLimit: { targets: { 'mock-provider:gpt': { rpm: 1 } } },
        } as never),
      undefined,
    ],
    ['timeout', () => createResilientMiddleware({ timeout: 1_000 } as never), 'timeoutMs'],
    [
      'streamTimeouts',
      () => createResilientEmbeddingModel({ models: [embedding], streamTimeouts: {} } as never),
      undefined,
    ],
    [
      'retry.maxAttemps',
      () => createResilientEmbeddingMiddleware({ retry: { maxAttemps: 1 } } as never),
      'maxAttempts',
    ],
  ])('refuses the unknown key %s', (field, build, suggestion) => {
    const error = refusal(build);
    expect(error.field).toBe(field);
    if (suggestion) expect(error.reason).toContain(`did you mean \`${suggestion}\`?`);
  });

  it('refuses bindings without a clock, or with an unknown option', () => {
    expect(refusal(() => createLanguageModelBinding({} as never)).field).toBe('clock');
    expect(refusal(() => createEmbeddingBinding({ clock: {} } as never)).field).toBe('clock.now');
    expect(
      refusal(() => createLanguageModelBinding({ clock: systemClock, clok: 1 } as never)).field,
    ).toBe('clok');
  });

  it('refuses countedKinds that are not an array of failure kinds, not with a TypeError', () => {
    for (const countedKinds of [5, 'server']) {
      const error = refusal(() =>
        createResilientModel({ models: [model], circuitBreaker: { countedKinds } as never }),
      );
      expect(error.field).toBe('circuitBreaker.countedKinds');
    }
  });

  it('refuses a missing options object with InvalidOptionError', () => {
    expect(refusal(() => createResilientModel(undefined as never)).field).toBe('options');
    expect(refusal(() => createResilientEmbeddingModel(null as never)).field).toBe('options');
    expect(refusal(() => createResilientMiddleware(null as never)).field).toBe('options');
  });

  it('rejects a call whose abortSignal is not an AbortSignal before calling any model', async () => {
    const called = new MockLanguageModelV4({ modelId: 'gpt' });
    const resilient = createResilientModel({ models: [called] });

    const error = await Promise.resolve(
      resilient.doGenerate({ prompt, abortSignal: 'x' as never }),
    ).catch((caught: unknown) => caught);

    expect(InvalidOptionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'abortSignal' });
    expect(called.doGenerateCalls).toHaveLength(0);
  });
});
