const encoder = new TextEncoder();
/** Where the native encoder writes bytes that are counted and thrown away. */
const scratch = new Uint8Array(64 * 1024);

/**
 * Bytes of `text` in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD), counted by the
 * native encoder into a fixed scratch buffer, a chunk at a time, so no copy of the text is kept.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  let rest = text;
  for (;;) {
    const { read, written } = encoder.encodeInto(rest, scratch);
    bytes += written;
    if (read >= rest.length) return bytes;
    // The encoder stops before a character that does not fit, never inside one.
    rest = rest.slice(read);
  }
}
