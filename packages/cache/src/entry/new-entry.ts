import type { CacheEntry, RecordedUsage } from './cache-entry';

/** What an entry holds: a response, or the parts and usage of a completed stream. */
export type EntryAnswer =
  | { readonly response: unknown }
  | {
      readonly parts: readonly unknown[];
      readonly usage: RecordedUsage | undefined;
      readonly opened?: unknown;
    };

/** An entry stored at `now`, fresh for `ttlMs`, then stale for `staleWhileRevalidateMs`. */
export function newEntry(
  { ttlMs, staleWhileRevalidateMs }: { ttlMs: number; staleWhileRevalidateMs: number },
  now: number,
  answer: EntryAnswer,
): CacheEntry {
  const times = {
    v: 1 as const,
    storedAt: now,
    freshUntil: now + ttlMs,
    staleUntil: now + ttlMs + staleWhileRevalidateMs,
  };
  return 'response' in answer
    ? { ...times, kind: 'generate', response: answer.response }
    : {
        ...times,
        kind: 'stream',
        parts: answer.parts,
        usage: answer.usage,
        ...(answer.opened !== undefined && { opened: answer.opened }),
      };
}
