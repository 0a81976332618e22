import type { Clock } from '@resilient-llm/policies';
import type { CacheCodec, CacheEntry } from '../entry/cache-entry';
import { readEntry } from '../entry/read-entry';
import { utf8ByteLength } from '../entry/utf8-byte-length';
import type { CacheStore } from '../store/cache-store';
import type { CacheEventHub } from './cache-event-hub';
import type { CacheStats } from './cache-stats';
import { readWithTimeout } from './read-with-timeout';

/** An entry read back, with its stored text and size. */
export interface FoundEntry {
  readonly entry: CacheEntry;
  readonly text: string;
  readonly bytes: number;
}

/**
 * Reads and writes entries so that the store can never fail a call: failures, timeouts and
 * corrupt entries become events (and corrupt entries are deleted); oversize entries are skipped.
 */
export class EntryAccess {
  constructor(
    private readonly store: CacheStore,
    private readonly codec: CacheCodec,
    private readonly events: CacheEventHub,
    private readonly stats: CacheStats,
    private readonly maxEntryBytes: number,
    private readonly storeTimeoutMs: number,
  ) {}

  /** The usable entry under `key` of the given kind, or undefined (missing, expired, broken). */
  async read(key: string, kind: CacheEntry['kind'], clock: Clock): Promise<FoundEntry | undefined> {
    let text: string | null | undefined;
    try {
      text = await readWithTimeout(() => this.store.get(key), this.storeTimeoutMs, clock);
    } catch (error) {
      this.reportStoreError(key, 'get', error);
      return undefined;
    }
    // Remote clients answer null for a missing key; accept it as well as undefined.
    if (text === undefined || text === null) return undefined;
    let entry: CacheEntry;
    try {
      entry = readEntry(text, this.codec);
      if (entry.kind !== kind) throw new TypeError(`a ${entry.kind} entry under a ${kind} key`);
    } catch (error) {
      this.stats.errors += 1;
      if (this.events.wants('corrupt-entry'))
        this.events.emit({ type: 'corrupt-entry', key, error });
      this.delete(key);
      return undefined;
    }
    if (clock.now() >= entry.staleUntil) {
      if (!this.store.capabilities.ttl) this.delete(key);
      return undefined;
    }
    return { entry, text, bytes: utf8ByteLength(text) };
  }

  /** A fresh copy of a stored entry's contents (followers must not share mutable objects). */
  decode(text: string): CacheEntry {
    return readEntry(text, this.codec);
  }

  /**
   * Encodes and stores `entry` without waiting for the store; returns its text (undefined when
   * it cannot be encoded), stored or not.
   */
  write(key: string, entry: CacheEntry, clock: Clock): string | undefined {
    let text: string;
    try {
      text = this.codec.encode(entry);
    } catch {
      this.skip(key, 'unencodable');
      return undefined;
    }
    const bytes = utf8ByteLength(text);
    if (bytes > this.maxEntryBytes) {
      this.skip(key, 'oversize', bytes);
      return text;
    }
    const ttlMs = Math.max(1, Math.ceil(entry.staleUntil - clock.now()));
    const written = () => {
      this.stats.writes += 1;
      this.stats.bytesWritten += bytes;
      if (this.events.wants('write')) this.events.emit({ type: 'write', key, bytes });
    };
    try {
      const saving = this.store.set(key, text, { ttlMs });
      if (saving instanceof Promise)
        saving.then(written, (error: unknown) => this.reportStoreError(key, 'set', error));
      else written();
    } catch (error) {
      this.reportStoreError(key, 'set', error);
    }
    return text;
  }

  /** Counts an answer that was not stored. */
  skip(
    key: string,
    reason: 'oversize' | 'incomplete-stream' | 'unencodable',
    bytes?: number,
  ): void {
    this.stats.skipped += 1;
    if (this.events.wants('skip')) this.events.emit({ type: 'skip', key, reason, bytes });
  }

  private delete(key: string): void {
    try {
      const deleting = this.store.delete(key);
      if (deleting instanceof Promise)
        deleting.catch((error: unknown) => this.reportStoreError(key, 'delete', error));
    } catch (error) {
      this.reportStoreError(key, 'delete', error);
    }
  }

  private reportStoreError(key: string, operation: 'get' | 'set' | 'delete', error: unknown): void {
    this.stats.errors += 1;
    if (this.events.wants('store-error'))
      this.events.emit({ type: 'store-error', key, operation, error });
  }
}
