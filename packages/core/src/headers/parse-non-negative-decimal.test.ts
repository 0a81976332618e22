import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNonNegativeDecimal } from './parse-non-negative-decimal';

describe('parseNonNegativeDecimal', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['3.', 3],
    ['+2', 2],
  ])('reads %j', (text, expected) => {
    expect(parseNonNegativeDecimal(text)).toBe(expected);
  });

  it.each([
    '',
    ' ',
    '-1',
    '-0',
    '1e3',
    '0x10',
    'Infinity',
    'NaN',
    '1,5',
    '.',
    `${'9'.repeat(400)}`,
  ])('rejects %j', (text) => {
    expect(parseNonNegativeDecimal(text)).toBeUndefined();
  });

  it('reads back any non-negative finite number written in fixed notation', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), (value) => {
        const text = value.toFixed(3);
        expect(parseNonNegativeDecimal(text)).toBe(Number(text));
      }),
    );
  });
});
