import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeadersLike } from '../contract/rate-limit-snapshot';
import { maximumWaitMs } from './maximum-wait';
import { parseRetryAfter, parseRetryAfterValue } from './parse-retry-after';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['3', 3000],
    ['0', 0],
    ['1.5', 1500],
    ['120', 120_000],
  ])('reads retry-after seconds %j', (value, expected) => {
    expect(parseRetryAfter({ 'Retry-After': value }, { now })).toBe(expected);
    expect(parseRetryAfter(new Headers({ 'retry-after': value }), { now })).toBe(expected);
  });

  it('reads retry-after as an HTTP date measured from now', () => {
    const inThirtySeconds = new Date(now + 30_000).toUTCString();
    expect(parseRetryAfter({ 'retry-after': inThirtySeconds }, { now })).toBe(30_000);
  });

  it('reads a date in the past as zero: retry now', () => {
    const aMinuteAgo = new Date(now - 60_000).toUTCString();
    expect(parseRetryAfter({ 'retry-after': aMinuteAgo }, { now })).toBe(0);
  });

  it('reads retry-after-ms and x-ms-retry-after-ms', () => {
    expect(parseRetryAfter({ 'Retry-After-Ms': '250' }, { now })).toBe(250);
    expect(parseRetryAfter(new Headers({ 'x-ms-retry-after-ms': '12.5' }), { now })).toBe(12.5);
  });

  it('prefers retry-after-ms, then x-ms-retry-after-ms, then retry-after', () => {
    const all = { 'retry-after': '9', 'x-ms-retry-after-ms': '800', 'retry-after-ms': '750' };
    expect(parseRetryAfter(all, { now })).toBe(750);
    expect(parseRetryAfter({ 'retry-after': '9', 'x-ms-retry-after-ms': '800' }, { now })).toBe(
      800,
    );
  });

  it('falls through an unusable header to the next', () => {
    const headers = { 'retry-after-ms': '-1', 'x-ms-retry-after-ms': 'soon', 'retry-after': '2' };
    expect(parseRetryAfter(headers, { now })).toBe(2000);
  });

  it.each(['', '-1', '-5', 'soon', 'NaN', 'Infinity', '1e3', String(maximumWaitMs)])(
    'rejects retry-after %j',
    (value) => {
      expect(parseRetryAfter({ 'retry-after': value }, { now })).toBeUndefined();
    },
  );

  it('rejects a date more than a year ahead and an unusable now', () => {
    const farAhead = new Date(now + 2 * maximumWaitMs).toUTCString();
    expect(parseRetryAfterValue(farAhead, { now })).toBeUndefined();
    expect(parseRetryAfterValue(new Date(now).toUTCString(), { now: Number.NaN })).toBeUndefined();
  });

  it('gives undefined without headers', () => {
    expect(parseRetryAfter({}, { now })).toBeUndefined();
    expect(parseRetryAfter(undefined, { now })).toBeUndefined();
  });

  it('never throws and stays within bounds for arbitrary headers', () => {
    const name = fc.constantFrom('retry-after', 'Retry-After-Ms', 'x-ms-retry-after-ms', 'other');
    const value = fc.oneof(
      fc.string(),
      fc.double().map(String),
      fc.integer().map(String),
      fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
      fc.anything(),
    );
    fc.assert(
      fc.property(
        fc.dictionary(name, value),
        fc.oneof(fc.integer(), fc.double()),
        (headers, at) => {
          const milliseconds = parseRetryAfter(headers as HeadersLike, { now: at });
          if (milliseconds !== undefined) {
            expect(Number.isFinite(milliseconds)).toBe(true);
            expect(milliseconds).toBeGreaterThanOrEqual(0);
            expect(milliseconds).toBeLessThanOrEqual(maximumWaitMs);
          }
        },
      ),
    );
  });

  it('reads back any whole number of seconds up to a year', () => {
    fc.assert(
      fc.property(fc.nat({ max: maximumWaitMs / 1000 }), (seconds) => {
        expect(parseRetryAfter({ 'retry-after': String(seconds) }, { now })).toBe(seconds * 1000);
      }),
    );
  });
});
