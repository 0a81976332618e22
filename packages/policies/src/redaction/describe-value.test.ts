import { describe, expect, it } from 'vitest';
import { describeValue } from './describe-value';

class OpenAI {
  apiKey = 'sk-test-SECRET-0123456789';
}

describe('describeValue', () => {
  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    [5, '5'],
    [Number.NaN, 'NaN'],
    [10n, '10n'],
    [true, 'true'],
    ['five', '"five"'],
    [() => 1, 'a function'],
    [[], 'an empty array'],
    [['a'], 'an array of 1 item'],
    [[1, 2], 'an array of 2 items'],
    [{}, 'an empty object'],
    [
      { apiKey: 'sk-test-SECRET-0123456789', baseURL: 'http://x' },
      'an object with keys apiKey, baseURL',
    ],
    [Object.create(null), 'an empty object'],
    [new OpenAI(), 'an instance of OpenAI'],
    [new Map(), 'an instance of Map'],
  ])('shows %o as %s', (value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });

  it('shows a string that looks like a credential as [redacted], and cuts long ones short', () => {
    for (const secret of [
      'sk-test-SECRET-0123456789',
      'Bearer abc.def',
      'basic dXNlcjpwYXNz',
      'sk-ant-api03-xyz',
    ]) {
      expect(describeValue(secret)).toBe('[redacted]');
    }
    expect(describeValue('x'.repeat(200))).toBe(`"${'x'.repeat(80)}…"`);
  });

  it('lists at most eight keys', () => {
    const keys = Object.fromEntries('abcdefghij'.split('').map((key) => [key, 1]));
    expect(describeValue(keys)).toBe('an object with keys a, b, c, d, e, f, g, h, …');
  });

  it('never throws, even for a proxy that refuses to be read', () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('no');
        },
      },
    );
    expect(describeValue(hostile)).toBe('a value that cannot be inspected');
  });
});
