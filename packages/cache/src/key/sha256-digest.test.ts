import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterOfEveryWidth } from '../../test/characters';
import { nativeHash } from './native-hash';
import { budgetedDigest, sha256HexNative, sha256HexNow } from './sha256-digest';

/** Node's own SHA-256, as an independent oracle. */
const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('SHA-256 digests', () => {
  it("use the runtime's native hash where it has node:crypto, found without importing it", () => {
    expect(nativeHash).toBeDefined();
    const bytes = new TextEncoder().encode('a kilobyte of prompt'.repeat(50));
    expect(sha256HexNow(bytes)).toBe(nodeSha256(bytes));
  });

  it('give the FIPS 180-2 digest of "abc", synchronously and through Web Crypto', async () => {
    const abc = new TextEncoder().encode('abc');
    const expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(sha256HexNow(abc)).toBe(expected);
    expect(await sha256HexNative(abc)).toBe(expected);
  });

  it('agree with each other and with Node on any bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const now = sha256HexNow(bytes);
        expect(now).toBe(nodeSha256(bytes));
        expect(await sha256HexNative(new Uint8Array(bytes))).toBe(now);
      }),
      { numRuns: 20 },
    );
  });

  it('hash synchronously until the budget is spent, then through Web Crypto, to the same digest', async () => {
    const digest = budgetedDigest(100);
    const sixtyBytes = 'é'.repeat(30);
    const first = digest(sixtyBytes);
    expect(first).toBe(nodeSha256(new TextEncoder().encode(sixtyBytes)));
    // 60 of 100 bytes spent: 60 more do not fit, though their 30 characters would.
    const second = digest(sixtyBytes);
    expect(second).toBeInstanceOf(Promise);
    expect(await second).toBe(first);
    // What did not fit was not charged: 40 bytes still go synchronously.
    const forty = 'x'.repeat(40);
    expect(digest(forty)).toBe(nodeSha256(new TextEncoder().encode(forty)));
    expect(digest('y')).toBeInstanceOf(Promise);
  });

  it('hash any text to the SHA-256 of its UTF-8 bytes, alike on both paths', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: characterOfEveryWidth, maxLength: 40 }), async (text) => {
        const expected = nodeSha256(new TextEncoder().encode(text));
        expect(await budgetedDigest()(text)).toBe(expected);
        expect(await budgetedDigest(0)(text)).toBe(expected);
      }),
      { numRuns: 20 },
    );
  });
});
