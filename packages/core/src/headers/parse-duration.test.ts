import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maximumWaitMs } from './maximum-wait';
import { parseDuration } from './parse-duration';

describe('parseDuration', () => {
  it.each([
    ['1s', 1000],
    ['6m0s', 360_000],
    ['12ms', 12],
    ['1h2m3.5s', 3_723_500],
    ['0.5s', 500],
    ['.5s', 500],
    ['1.1s', 1100],
    ['2m59.56s', 179_560],
    ['100us', 0.1],
    ['100µs', 0.1],
    ['100μs', 0.1],
    ['250ns', 0.00025],
    ['1h', 3_600_000],
    ['0s', 0],
    ['0', 0],
    ['+3s', 3000],
    [' 20ms ', 20],
    ['1S', 1000],
    ['1m1ms', 60_001],
  ])('reads the Go duration %j as %d ms', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it.each([
    ['2', 2000],
    ['0.25', 250],
    ['17.', 17_000],
  ])('reads the plain number %j as seconds', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    '-1',
    '-1s',
    '-0s',
    's',
    '1x',
    '1 s',
    '1s garbage',
    '1.2.3s',
    'NaN',
    'Infinity',
    '1e3',
    '0x10',
    '1d',
    '9999h',
    `${'9'.repeat(30)}h`,
    '.s',
  ])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('accepts durations up to one year and rejects longer ones', () => {
    expect(parseDuration('8760h')).toBe(maximumWaitMs);
    expect(parseDuration('8760h1ms')).toBeUndefined();
  });

  it('rejects values that are not strings', () => {
    expect(parseDuration(undefined)).toBeUndefined();
    expect(parseDuration(5 as unknown as string)).toBeUndefined();
  });

  it('never throws and stays within bounds for arbitrary text', () => {
    const durationLike = fc.stringMatching(
      /^[-+]?[0-9.]{0,6}(h|m|s|ms|us|µs|ns|x)?[0-9.hmsun]{0,8}$/,
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), durationLike), (text) => {
        const milliseconds = parseDuration(text);
        if (milliseconds !== undefined) {
          expect(Number.isFinite(milliseconds)).toBe(true);
          expect(milliseconds).toBeGreaterThanOrEqual(0);
          expect(milliseconds).toBeLessThanOrEqual(maximumWaitMs);
        }
      }),
    );
  });

  it('reads back a duration written Go-style', () => {
    const component = fc.nat({ max: 999 });
    fc.assert(
      fc.property(
        fc.nat({ max: 100 }),
        fc.nat({ max: 59 }),
        fc.nat({ max: 59 }),
        component,
        component,
        component,
        (hours, minutes, seconds, milliseconds, microseconds, nanoseconds) => {
          const expectedMs =
            hours * 3_600_000 +
            minutes * 60_000 +
            seconds * 1000 +
            milliseconds +
            microseconds / 1000 +
            nanoseconds / 1_000_000;
          const text = `${hours}h${minutes}m${seconds}s${milliseconds}ms${microseconds}µs${nanoseconds}ns`;
          expect(parseDuration(text)).toBeCloseTo(expectedMs, 5);
        },
      ),
    );
  });

  it('reads back Go String() output with fractional seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 * 3_600_000 }), (totalMs) => {
        expect(parseDuration(formatGoDuration(totalMs))).toBe(totalMs);
      }),
    );
  });
});

/** Formats like Go's `time.Duration.String()` for whole milliseconds: `1h2m3.5s`, `12ms`. */
function formatGoDuration(totalMs: number): string {
  if (totalMs === 0) return '0s';
  if (totalMs < 1000) return `${totalMs}ms`;
  const hours = Math.floor(totalMs / 3_600_000);
  const minutes = Math.floor((totalMs % 3_600_000) / 60_000);
  const secondsMs = totalMs % 60_000;
  const seconds = `${Math.floor(secondsMs / 1000)}${
    secondsMs % 1000 === 0
      ? ''
      : `.${String(secondsMs % 1000)
          .padStart(3, '0')
          .replace(/0+$/, '')}`
  }s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${minutes}m${seconds}`;
  return seconds;
}
