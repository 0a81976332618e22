/** Running totals of a cache stage since it was created. */
export interface CacheStats {
  /** Calls answered from the store (fresh or stale). */
  hits: number;
  /** Of those, answered stale while refreshed in the background. */
  staleHits: number;
  /** Calls that found nothing usable and went upstream. */
  misses: number;
  /** Calls that joined an identical call in flight (single-flight followers), counted as they join. */
  shared: number;
  /** Calls that did not use the cache (skipped, non-deterministic, uncacheable). */
  bypassed: number;
  /** Entries written. */
  writes: number;
  /** Answers not stored: oversize, interrupted stream, not encodable. */
  skipped: number;
  /** UTF-8 bytes read from the store on hits. */
  bytesRead: number;
  /** UTF-8 bytes written to the store. */
  bytesWritten: number;
  /** Store failures and timeouts, and corrupt entries (also those that do not decrypt). */
  errors: number;
  /** Store operations not sent because the store breaker was open: no call waited for them. */
  storeSkipped: number;
}

/** A zeroed {@link CacheStats}. */
export function emptyCacheStats(): CacheStats {
  return {
    hits: 0,
    staleHits: 0,
    misses: 0,
    shared: 0,
    bypassed: 0,
    writes: 0,
    skipped: 0,
    bytesRead: 0,
    bytesWritten: 0,
    errors: 0,
    storeSkipped: 0,
  };
}
