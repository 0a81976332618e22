/**
 * Bytes of memory charged for one entry: two bytes per UTF-16 code unit of key and value (an
 * upper bound of what the engine keeps for the strings) plus a fixed share for the bookkeeping
 * of the entry itself (list slots, map entry, string headers).
 */
export function estimateEntryBytes(key: string, value: string): number {
  return 2 * (key.length + value.length) + entryOverheadBytes;
}

/** The fixed share of {@link estimateEntryBytes} per entry. */
export const entryOverheadBytes = 160;
