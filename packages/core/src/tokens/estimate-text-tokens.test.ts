import { describe, expect, it } from 'vitest';
import { charactersPerToken, estimateTextTokens } from './estimate-text-tokens';

describe('estimateTextTokens', () => {
  it('counts four characters a token, rounded up', () => {
    expect(charactersPerToken).toBe(4);
    expect(estimateTextTokens('')).toBe(0);
    expect(estimateTextTokens('abcd')).toBe(1);
    expect(estimateTextTokens('abcde')).toBe(2);
    expect(estimateTextTokens('x'.repeat(400))).toBe(100);
  });

  it('rounds up once over several strings, as one text', () => {
    expect(estimateTextTokens(['ab', 'cd'])).toBe(1);
    expect(estimateTextTokens(['a', 'b', 'c', 'd', 'e'])).toBe(2);
    expect(estimateTextTokens([])).toBe(0);
  });
});
