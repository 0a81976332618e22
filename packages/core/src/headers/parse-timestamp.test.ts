import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './parse-timestamp';

describe('parseTimestamp', () => {
  it.each([
    ['2026-06-01T12:00:30Z', Date.UTC(2026, 5, 1, 12, 0, 30)],
    ['2026-06-01t12:00:30z', Date.UTC(2026, 5, 1, 12, 0, 30)],
    ['2026-06-01 12:00:30Z', Date.UTC(2026, 5, 1, 12, 0, 30)],
    ['2026-06-01T12:00:30.250Z', Date.UTC(2026, 5, 1, 12, 0, 30, 250)],
    ['2026-06-01T14:00:30+02:00', Date.UTC(2026, 5, 1, 12, 0, 30)],
    ['2026-06-01T07:30:30-04:30', Date.UTC(2026, 5, 1, 12, 0, 30)],
    ['2026-06-01T12:00:30+0000', Date.UTC(2026, 5, 1, 12, 0, 30)],
  ])('reads %j', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    '',
    '2026-06-01T12:00:30',
    '2026-02-30T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-06-01T24:00:00Z',
    '2026-06-01T12:00:30+25:00',
    '1s',
    'Sun, 06 Nov 1994 08:49:37 GMT',
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it('reads back Date.prototype.toISOString', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 0, 1) }),
        (epochMs) => {
          expect(parseTimestamp(new Date(epochMs).toISOString())).toBe(epochMs);
        },
      ),
    );
  });

  it('never throws for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const epochMs = parseTimestamp(text);
        expect(epochMs === undefined || Number.isFinite(epochMs)).toBe(true);
      }),
    );
  });
});
