import { describe, expect, it } from 'vitest';
import { parseCount } from './parse-count';

describe('parseCount', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    [' 7 ', 7],
    ['+3', 3],
    ['1.5', 1.5],
  ])('reads %j', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });

  it.each(['', '-1', 'ten', '1e3', '0x10', '99999999999999999999', undefined])(
    'rejects %j',
    (text) => {
      expect(parseCount(text)).toBeUndefined();
    },
  );
});
