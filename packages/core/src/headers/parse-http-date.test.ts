import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpDate } from './parse-http-date';

const november6 = Date.UTC(1994, 10, 6, 8, 49, 37);
const now = Date.UTC(2026, 0, 1);

describe('parseHttpDate', () => {
  it.each([
    'Sun, 06 Nov 1994 08:49:37 GMT',
    'sun, 06 nov 1994 08:49:37 gmt',
    'Sunday, 06-Nov-94 08:49:37 GMT',
    'Sun Nov  6 08:49:37 1994',
    '06 Nov 1994 08:49:37 GMT',
    ' Sun, 06 Nov 1994 08:49:37 UTC ',
  ])('reads %j', (text) => {
    expect(parseHttpDate(text, { now })).toBe(november6);
  });

  it('reads a two-digit year more than 50 years ahead as the previous century', () => {
    expect(parseHttpDate('Monday, 01-Jan-74 00:00:00 GMT', { now })).toBe(Date.UTC(2074, 0, 1));
    expect(parseHttpDate('Monday, 01-Jan-77 00:00:00 GMT', { now })).toBe(Date.UTC(1977, 0, 1));
  });

  it('agrees with Date.prototype.toUTCString', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 0, 1) }), (epochSeconds) => {
        const epochMs = Math.floor(epochSeconds / 1000) * 1000;
        expect(parseHttpDate(new Date(epochMs).toUTCString(), { now })).toBe(epochMs);
      }),
    );
  });

  it.each([
    '',
    '1',
    '120',
    'tomorrow',
    'Sun, 31 Feb 2026 00:00:00 GMT',
    'Sun, 06 Foo 1994 08:49:37 GMT',
    'Sun, 06 Nov 1994 25:49:37 GMT',
    'Sun, 06 Nov 1994 08:61:37 GMT',
    'Sun, 06 Nov 0094 08:49:37 GMT',
    '2026-01-01T00:00:00Z',
  ])('rejects %j', (text) => {
    expect(parseHttpDate(text, { now })).toBeUndefined();
  });

  it('never throws for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const epochMs = parseHttpDate(text, { now });
        expect(epochMs === undefined || Number.isFinite(epochMs)).toBe(true);
      }),
    );
  });
});
