import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeadersLike } from '../contract/rate-limit-snapshot';
import { readHeader } from './read-header';

describe('readHeader', () => {
  it('reads Web Headers case-insensitively', () => {
    const headers = new Headers({ 'Retry-After': '3' });
    expect(readHeader(headers, 'retry-after')).toBe('3');
    expect(readHeader(headers, 'RETRY-AFTER')).toBe('3');
    expect(readHeader(headers, 'x-missing')).toBeUndefined();
  });

  it('reads plain records in any key case', () => {
    const headers = { 'X-RateLimit-Remaining-Requests': '12', 'retry-after': ' 5 ' };
    expect(readHeader(headers, 'x-ratelimit-remaining-requests')).toBe('12');
    expect(readHeader(headers, 'Retry-After')).toBe('5');
  });

  it('prefers the lower-case key when a record holds several spellings', () => {
    expect(readHeader({ 'Retry-After': '1', 'retry-after': '2' }, 'Retry-After')).toBe('2');
  });

  it('takes the first entry of an array value and stringifies scalars', () => {
    expect(readHeader({ 'retry-after': ['4', '9'] }, 'retry-after')).toBe('4');
    expect(readHeader({ 'retry-after': [] }, 'retry-after')).toBeUndefined();
    expect(readHeader({ 'retry-after': 7 }, 'retry-after')).toBe('7');
    expect(readHeader({ 'x-should-retry': true } as unknown as HeadersLike, 'x-should-retry')).toBe(
      'true',
    );
  });

  it('reads null, undefined and objects as absent and keeps empty values as empty', () => {
    expect(readHeader({ 'retry-after': null }, 'retry-after')).toBeUndefined();
    expect(readHeader({ 'retry-after': undefined }, 'retry-after')).toBeUndefined();
    const objectValue = { 'retry-after': { seconds: 3 } } as unknown as HeadersLike;
    expect(readHeader(objectValue, 'retry-after')).toBeUndefined();
    expect(readHeader({ 'retry-after': '' }, 'retry-after')).toBe('');
    expect(readHeader(undefined, 'retry-after')).toBeUndefined();
    expect(readHeader(null, 'retry-after')).toBeUndefined();
  });

  it('reads a Map through its get method with the lower-case name', () => {
    // A Map's `get` returns `undefined` rather than `null`, which the type does not admit.
    const headers = new Map([['retry-after', '8']]) as unknown as HeadersLike;
    expect(readHeader(headers, 'Retry-After')).toBe('8');
  });

  it('reads records without a prototype', () => {
    const headers = Object.assign(Object.create(null), { 'Retry-After': '2' }) as HeadersLike;
    expect(readHeader(headers, 'retry-after')).toBe('2');
  });

  it('never throws on hostile objects', () => {
    const throwingGetter = Object.defineProperty({}, 'retry-after', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    }) as HeadersLike;
    const throwingGet = {
      get() {
        throw new Error('boom');
      },
    };
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwingProxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
        get() {
          throw new Error('boom');
        },
      },
    );
    for (const headers of [throwingGetter, throwingGet, proxy, throwingProxy]) {
      expect(readHeader(headers as HeadersLike, 'retry-after')).toBeUndefined();
    }
  });

  it('never throws and returns a string or undefined for arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (headers, name) => {
        const value = readHeader(headers as HeadersLike, name);
        expect(value === undefined || typeof value === 'string').toBe(true);
      }),
    );
  });

  it('finds any key of a record whatever the case of the name', () => {
    const headerName = fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/);
    fc.assert(
      fc.property(headerName, fc.string(), (name, value) => {
        expect(readHeader({ [name]: value }, name.toUpperCase())).toBe(value.trim());
        expect(readHeader(new Headers({ [name]: value }), name.toLowerCase())).toBe(value.trim());
      }),
    );
  });
});
