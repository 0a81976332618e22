import type { CacheCodec } from './cache-entry';

/**
 * The default codec: plain JSON (never `eval`). Responses must survive `JSON.stringify`;
 * supply your own codec to revive dates or bytes.
 */
export const jsonCodec: CacheCodec = {
  encode: (entry) => JSON.stringify(entry),
  decode: (text) => JSON.parse(text),
};
