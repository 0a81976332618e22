import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterOfEveryWidth } from '../../test/characters';
import { utf8ByteLength } from './utf8-byte-length';

const encodedLength = (text: string) => new TextEncoder().encode(text).length;

describe('utf8ByteLength', () => {
  it('counts what TextEncoder writes, lone surrogates as U+FFFD', () => {
    fc.assert(
      fc.property(fc.string({ unit: characterOfEveryWidth, maxLength: 40 }), (text) => {
        expect(utf8ByteLength(text)).toBe(encodedLength(text));
      }),
    );
    expect(utf8ByteLength('\ud800')).toBe(3);
    expect(utf8ByteLength('😀')).toBe(4);
  });

  it('counts texts longer than its scratch buffer, with characters across each chunk edge', () => {
    for (const unit of ['a', 'é', '€', '😀', 'a\ud800']) {
      for (const extra of [0, 1, 2, 3]) {
        const text = 'x'.repeat(extra) + unit.repeat(100_000);
        expect(utf8ByteLength(text)).toBe(encodedLength(text));
      }
    }
  });
});
