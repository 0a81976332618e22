import { systemClock } from '@resilient-llm/core';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { createLanguageModelBinding } from './language-model-binding';

const prompt = [
  { role: 'system' as const, content: 'Be brief.' },
  { role: 'user' as const, content: [{ type: 'text' as const, text: 'How warm is it today?' }] },
];
const target = { id: 'mock:m', model: new MockLanguageModelV4() };
const binding = createLanguageModelBinding({ clock: systemClock });

describe('the language model binding', () => {
  it('keys a cache on the target and the output-shaping options only', () => {
    const base = { prompt, temperature: 0 };
    const key = binding.cacheKey!(
      { params: { ...base, abortSignal: new AbortController().signal, headers: { a: '1' } } },
      target,
    );
    expect(key).toEqual({ targetId: 'mock:m', ...base });
    expect(binding.cacheKey!({ params: { ...base, temperature: 1 } }, target)).not.toEqual(key);
  });

  it('leaves our own provider options out of the key, but keeps the providers’', () => {
    const base = { prompt, temperature: 0 };
    const key = binding.cacheKey!({ params: base }, target);
    const withOwn = {
      ...base,
      providerOptions: { resilientLlm: { timeoutMs: 5_000, cache: { refresh: true } } },
    };
    const withProvider = { ...base, providerOptions: { openai: { reasoningEffort: 'low' } } };

    expect(binding.cacheKey!({ params: withOwn }, target)).toEqual(key);
    expect(binding.cacheKey!({ params: withProvider }, target)).not.toEqual(key);
  });

  it('estimates prompt text at 4 characters a token plus the output limit', () => {
    // 'Be brief.' (9) + 'How warm is it today?' (21) = 30 characters -> 8 tokens.
    expect(binding.estimateTokens!({ params: { prompt, maxOutputTokens: 100 } })).toBe(108);
  });

  it('reads rate-limit headers and usage from an answer', () => {
    const observation = binding.observe!({
      content: [],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: {
        inputTokens: { total: 10, noCache: 8, cacheRead: 2, cacheWrite: undefined },
        outputTokens: { total: 5, text: 5, reasoning: undefined },
      },
      warnings: [],
      response: {
        headers: { 'x-ratelimit-limit-requests': '60', 'x-ratelimit-remaining-requests': '59' },
      },
    });
    expect(observation?.usage).toEqual({ inputTokens: 10, outputTokens: 5, cachedInputTokens: 2 });
    expect(observation?.rateLimit?.requests).toMatchObject({ limit: 60, remaining: 59 });
  });
});
