import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { type CacheKeyInput, cacheKeyOf, deriveCacheKey } from './derive-cache-key';

const base = {
  namespace: 'tenant-a',
  targetId: 'openai:gpt',
  mode: 'generate',
  material: { model: 'gpt', messages: [{ role: 'user', content: 'a secret prompt' }] },
} as const;

describe('deriveCacheKey', () => {
  it('is 64 hex digits of SHA-256, never the prompt', async () => {
    const key = await deriveCacheKey(base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('secret');
  });

  it('is stable across key order and undefined fields', async () => {
    const reordered = {
      ...base,
      material: { messages: base.material.messages, model: 'gpt', temperature: undefined },
    };
    expect(await deriveCacheKey(reordered)).toBe(await deriveCacheKey(base));
  });

  it('keys a long prompt by its digest, still apart from any other prompt', async () => {
    const long = 'a'.repeat(10_000);
    const keyOf = (content: unknown) =>
      deriveCacheKey({ ...base, material: { messages: [{ role: 'user', content }] } });
    const keys = await Promise.all([
      keyOf(long),
      keyOf(`${long}b`),
      keyOf(`${long}\ud800`),
      keyOf(`${long}\ud801`),
      keyOf({ $sha256: 'f'.repeat(64) }),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await keyOf('a'.repeat(10_000))).toBe(keys[0]);
  });

  it('differs by namespace, target, endpoint, credentials, mode and material', async () => {
    const keys = await Promise.all([
      deriveCacheKey(base),
      deriveCacheKey({ ...base, namespace: 'tenant-b' }),
      deriveCacheKey({ ...base, targetId: 'anthropic:claude' }),
      deriveCacheKey({ ...base, endpoint: 'https://api.example/v1' }),
      deriveCacheKey({ ...base, credentials: 'a'.repeat(64) }),
      deriveCacheKey({ ...base, credentials: 'b'.repeat(64) }),
      deriveCacheKey({ ...base, mode: 'stream' }),
      deriveCacheKey({ ...base, material: { ...base.material, temperature: 0 } }),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('derives the keys earlier releases derived, so stored entries stay valid', async () => {
    // Keys of key layout version 2, as derived through Web Crypto before hashing moved to
    // @noble/hashes: the digest changed hands, not the bytes it is taken of.
    const material = {
      model: 'gpt',
      temperature: 0,
      messages: [{ role: 'user', content: 'a secret prompt é 😀' }],
      stop: [Number.NaN, 1n, new Date(0), new Uint8Array([1, 2])],
      $x: 1,
    };
    const scoped = { ...base, endpoint: 'https://api.example/v1', credentials: 'c'.repeat(64) };
    const long = (content: unknown[]) => ({
      ...scoped,
      material: { messages: content.map((text) => ({ role: 'user', content: text })) },
    });
    expect(await deriveCacheKey({ ...scoped, material })).toBe(
      'c3fc82dcd8968a5f15807b4a15ac0f9c3ab863b1bee47cb595835b9c497848ac',
    );
    expect(await deriveCacheKey(long([`${'a'.repeat(5000)}é`, `${'b'.repeat(5000)}\ud800`]))).toBe(
      'b4e0efce2a16d0b6e4c39351ee64411bfe771579fd76a4af8470756535465fc1',
    );
    expect(await deriveCacheKey(long(['z'.repeat(100_000)]))).toBe(
      '2ec3eb609de59021c09c1ced89399627383b3cd4858ef11b858c2d7d75c12877',
    );
  });

  it('answers a short request synchronously, a long one through Web Crypto, alike', async () => {
    const short = cacheKeyOf(base);
    expect(typeof short).toBe('string');
    expect(await deriveCacheKey(base)).toBe(short);
    // Far past the synchronous budget: the digest goes to Web Crypto, the key stays put.
    const long = {
      ...base,
      material: { messages: [{ role: 'user', content: 'q'.repeat(1 << 20) }] },
    };
    const pending = cacheKeyOf(long);
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toBe(await cacheKeyOf(long));
    expect(await pending).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives one key to equal requests and different keys to different prompts', () => {
    const keyOf = (content: string, extra?: Record<string, unknown>): string =>
      cacheKeyOf({
        ...base,
        material: { ...extra, messages: [{ role: 'user', content }] },
      }) as string;
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 64 }),
        fc.string({ maxLength: 64 }),
        (a, b) => {
          expect(keyOf(a)).toBe(keyOf(a));
          expect(keyOf(a, { temperature: undefined })).toBe(keyOf(a));
          if (a !== b) expect(keyOf(a)).not.toBe(keyOf(b));
        },
      ),
    );
  });

  it('keeps every field apart: no two distinct inputs share a key', () => {
    const input = fc.record<CacheKeyInput>({
      namespace: fc.constantFrom('a', 'b', 'a,b'),
      targetId: fc.constantFrom('t', 'u'),
      endpoint: fc.constantFrom(undefined, 'https://a', ''),
      credentials: fc.constantFrom(undefined, 'f'.repeat(64)),
      mode: fc.constantFrom('generate', 'stream'),
      material: fc.jsonValue({ maxDepth: 2 }),
    });
    fc.assert(
      fc.property(input, input, (one, other) => {
        // Equal canonical forms are equal requests (key order and undefined fields aside).
        const same = canonicalJson(one) === canonicalJson(other);
        expect(cacheKeyOf(one) === cacheKeyOf(other)).toBe(same);
      }),
    );
  });

  it('keeps a hole in an array apart from no element', async () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is what is tested
    const holed = { ...base, material: [1, , 3] };
    expect(await deriveCacheKey(holed)).not.toBe(
      await deriveCacheKey({ ...base, material: [1, 3] }),
    );
    expect(await deriveCacheKey(holed)).toBe(
      await deriveCacheKey({ ...base, material: [1, null, 3] }),
    );
  });
});
