import { CorruptCacheEntryError } from '../errors/corrupt-cache-entry-error';
import type { CacheCodec, CacheEntry } from './cache-entry';

/** Decodes a stored value and checks its version and shape; throws `CorruptCacheEntryError`. */
export function readEntry(text: string, codec: CacheCodec): CacheEntry {
  let decoded: unknown;
  try {
    decoded = codec.decode(text);
  } catch (error) {
    throw new CorruptCacheEntryError({ reason: 'it does not decode', cause: error });
  }
  if (typeof decoded !== 'object' || decoded === null)
    throw new CorruptCacheEntryError({ reason: 'not an object' });
  const entry = decoded as Partial<Record<keyof CacheEntry | 'parts' | 'response', unknown>>;
  if (entry.v !== 1)
    throw new CorruptCacheEntryError({ reason: `unknown version ${String(entry.v)}` });
  for (const field of ['storedAt', 'freshUntil', 'staleUntil'] as const) {
    if (typeof entry[field] !== 'number')
      throw new CorruptCacheEntryError({ reason: `${field} is not a number` });
  }
  if (entry.kind === 'generate' && 'response' in entry) return decoded as CacheEntry;
  if (entry.kind === 'stream' && Array.isArray(entry.parts)) return decoded as CacheEntry;
  throw new CorruptCacheEntryError({ reason: 'neither a response nor a stream' });
}
