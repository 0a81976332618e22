import { describe, expect, it } from 'vitest';
import { parseReset } from './parse-reset';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('parseReset', () => {
  it.each([
    ['6m0s', 360_000],
    ['1.5', 1500],
    ['2026-11-25T12:00:10Z', 10_000],
    ['2026-11-25T11:00:00Z', 0],
    ['Wed, 25 Nov 2026 12:00:05 GMT', 5000],
  ])('reads %j', (text, expected) => {
    expect(parseReset(text, now)).toBe(expected);
  });

  it.each(['', '-1', 'later', '2030-11-25T12:00:00Z'])('rejects %j', (text) => {
    expect(parseReset(text, now)).toBeUndefined();
  });

  it('rejects an instant when now is unusable but still reads a duration', () => {
    expect(parseReset('2026-11-25T12:00:10Z', Number.NaN)).toBeUndefined();
    expect(parseReset('1s', Number.NaN)).toBe(1000);
  });
});
