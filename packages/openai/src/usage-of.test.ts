import { describe, expect, it } from 'vitest';
import { usageOf } from './usage-of';

describe('usageOf', () => {
  it('reads chat, Responses API and embedding usage', () => {
    expect(
      usageOf({
        prompt_tokens: 10,
        completion_tokens: 5,
        prompt_tokens_details: { cached_tokens: 4 },
      }),
    ).toEqual({ inputTokens: 10, outputTokens: 5, cachedInputTokens: 4 });
    expect(
      usageOf({ input_tokens: 7, output_tokens: 2, input_tokens_details: { cached_tokens: 0 } }),
    ).toEqual({ inputTokens: 7, outputTokens: 2, cachedInputTokens: 0 });
    expect(usageOf({ prompt_tokens: 3 })).toEqual({ inputTokens: 3 });
    expect(usageOf(null)).toBeUndefined();
    expect(usageOf({})).toBeUndefined();
  });
});
