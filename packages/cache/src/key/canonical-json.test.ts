import { describe, expect, it } from 'vitest';
import { UncacheableValueError } from '../errors/uncacheable-value-error';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, { z: 1, y: 2 }] } })).toBe(
      '{"a":{"c":[2,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('drops per-call noise: signals, headers, functions and symbols', () => {
    const noisy = {
      prompt: 'hi',
      signal: new AbortController().signal,
      headers: new Headers({ 'x-request-id': '1' }),
      onChunk: () => {},
      [Symbol('private')]: 1,
    };
    expect(canonicalJson(noisy)).toBe('{"prompt":"hi"}');
  });

  it('keeps values apart that JSON would merge', () => {
    const forms = [NaN, Infinity, null, 1n, new Date(0), new Uint8Array([1, 2]), '1', 1].map(
      canonicalJson,
    );
    expect(new Set(forms).size).toBe(forms.length);
    expect(canonicalJson(new Uint8Array([1, 2, 3]))).toBe(canonicalJson(new Uint8Array([1, 2, 3])));
  });

  it('escapes object keys that could pass for a tagged value', () => {
    expect(canonicalJson({ $date: '1970-01-01T00:00:00.000Z' })).not.toBe(
      canonicalJson(new Date(0)),
    );
  });

  it('refuses values with no canonical form instead of guessing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const value of [{ tools: new Map() }, { items: [new Set()] }, cyclic]) {
      expect(() => canonicalJson(value)).toThrow(UncacheableValueError);
    }
    expect(() => canonicalJson({ messages: [{ content: new Map() }] })).toThrow(
      /\$\.messages\[0\]\.content/,
    );
  });

  it('allows a value seen twice that is not a cycle', () => {
    const shared = { role: 'user' };
    expect(canonicalJson([shared, shared])).toBe('[{"role":"user"},{"role":"user"}]');
  });
});
