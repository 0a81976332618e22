import { describe, expect, it } from 'vitest';
import { parseShouldRetry } from './parse-should-retry';

describe('parseShouldRetry', () => {
  it.each([
    ['true', true],
    [' TRUE ', true],
    ['false', false],
    ['False', false],
    ['', undefined],
    ['1', undefined],
    ['yes', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (text, expected) => {
    expect(parseShouldRetry(text)).toBe(expected);
  });
});
