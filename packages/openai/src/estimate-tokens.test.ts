import { describe, expect, it } from 'vitest';
import { estimateTokens } from './estimate-tokens';

describe('estimateTokens', () => {
  it('counts message text at four characters per token plus the most output', () => {
    expect(
      estimateTokens({
        model: 'm',
        messages: [
          { role: 'system', content: 'x'.repeat(10) },
          { role: 'user', content: [{ type: 'text', text: 'y'.repeat(10) }] },
        ],
        max_completion_tokens: 100,
      }),
    ).toBe(105);
    expect(
      estimateTokens({ model: 'm', messages: [{ role: 'user', content: 'abcd' }], max_tokens: 7 }),
    ).toBe(8);
  });

  it('reads the Responses API input, instructions and max_output_tokens', () => {
    expect(
      estimateTokens({
        model: 'm',
        input: 'x'.repeat(8),
        instructions: 'abcd',
        max_output_tokens: 10,
      }),
    ).toBe(13);
    expect(
      estimateTokens({
        model: 'm',
        input: [{ role: 'user', content: [{ type: 'input_text', text: 'x'.repeat(12) }] }],
      }),
    ).toBe(3);
  });

  it('counts embedding inputs, token arrays one per token', () => {
    expect(estimateTokens({ model: 'e', input: ['abcd', 'abcdefgh'] })).toBe(3);
    expect(estimateTokens({ model: 'e', input: [1, 2, 3] })).toBe(3);
  });

  it('ignores image URLs and ids', () => {
    expect(
      estimateTokens({
        model: 'm',
        messages: [
          {
            role: 'user',
            content: [
              {
                type: 'image_url',
                image_url: { url: `data:image/png;base64,${'A'.repeat(4000)}` },
              },
            ],
          },
        ],
      }),
    ).toBe(0);
  });
});
