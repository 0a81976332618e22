import type { EventHub } from '@resilient-llm/core/internal';
import type { Clock, MaybePromise } from '@resilient-llm/policies';
import type { ValueCipher } from '../crypto/value-cipher';
import type { CacheCodec, CacheEntry } from '../entry/cache-entry';
import { readEntry } from '../entry/read-entry';
import { utf8ByteLength } from '../entry/utf8-byte-length';
import type { CacheStore } from '../store/cache-store';
import type { CacheEvent, CacheSkipReason, CacheStoreOperation } from './cache-event';
import type { CacheStats } from './cache-stats';
import type { StoreBreaker } from './store-breaker';
import { withStoreTimeout } from './with-store-timeout';

/** An entry read back, with its text and the size of what the store held. */
export interface FoundEntry {
  readonly entry: CacheEntry;
  readonly text: string;
  readonly bytes: number;
}

/** How {@link EntryAccess} reaches its store. */
export interface EntryAccessSettings {
  /** The stage's name, which its events carry. */
  readonly name: string;
  readonly store: CacheStore;
  readonly codec: CacheCodec;
  readonly maxEntryBytes: number;
  readonly storeTimeoutMs: number;
  /** Skips a store that keeps failing; none when off. */
  readonly breaker: StoreBreaker | undefined;
  /** Encrypts values at rest; none when off. */
  readonly cipher: ValueCipher | undefined;
}

/** What one store operation came to: its value, or nothing (it failed, timed out or was skipped). */
type StoreAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/**
 * Reads and writes entries so that the store can never fail a call: failures, timeouts and
 * corrupt entries become events (and corrupt entries are deleted); oversize entries are
 * skipped. Every store operation is bounded by `storeTimeoutMs` and passes the store breaker.
 */
export class EntryAccess {
  constructor(
    private readonly settings: EntryAccessSettings,
    private readonly events: EventHub<CacheEvent>,
    private readonly stats: CacheStats,
  ) {}

  /**
   * The usable entry under `key` of the given kind, or undefined (missing, expired, broken).
   * A store that answers synchronously, without encryption, is answered synchronously.
   */
  read(key: string, kind: CacheEntry['kind'], clock: Clock): MaybePromise<FoundEntry | undefined> {
    const answer = this.attempt('get', key, clock, () => this.settings.store.get(key));
    return answer instanceof Promise
      ? answer.then((settled) => this.opened(key, kind, clock, settled))
      : this.opened(key, kind, clock, answer);
  }

  /** What a store answer holds, decrypted when encryption is on. */
  private opened(
    key: string,
    kind: CacheEntry['kind'],
    clock: Clock,
    answer: StoreAnswer<string | undefined | null>,
  ): MaybePromise<FoundEntry | undefined> {
    // Remote clients answer null for a missing key; accept it as well as undefined.
    if (!answer.ok || answer.value === undefined || answer.value === null) return undefined;
    const stored = answer.value;
    const { cipher } = this.settings;
    if (!cipher) return this.checked(key, kind, clock, stored, stored);
    return cipher.open(key, stored).then(
      (text) => this.checked(key, kind, clock, text, stored),
      (error: unknown) => this.corrupt(key, clock, error),
    );
  }

  /** The entry `text` decodes to, if it is of `kind` and not expired. */
  private checked(
    key: string,
    kind: CacheEntry['kind'],
    clock: Clock,
    text: string,
    stored: string,
  ): FoundEntry | undefined {
    let entry: CacheEntry;
    try {
      entry = readEntry(text, this.settings.codec);
      if (entry.kind !== kind) throw new TypeError(`a ${entry.kind} entry under a ${kind} key`);
    } catch (error) {
      return this.corrupt(key, clock, error);
    }
    if (clock.now() >= entry.staleUntil) {
      if (!this.settings.store.capabilities.ttl) this.delete(key, clock);
      return undefined;
    }
    return { entry, text, bytes: utf8ByteLength(stored) };
  }

  /** Reports and deletes an entry that does not decrypt or decode. */
  private corrupt(key: string, clock: Clock, error: unknown): undefined {
    this.stats.errors += 1;
    if (this.events.wants('cache-corrupt-entry'))
      this.events.emit({ type: 'cache-corrupt-entry', stage: this.settings.name, key, error });
    this.delete(key, clock);
    return undefined;
  }

  /** A fresh copy of an entry's contents (followers must not share mutable objects). */
  decode(text: string): CacheEntry {
    return readEntry(text, this.settings.codec);
  }

  /**
   * Encodes and stores `entry` without waiting for the store; returns its text (undefined when
   * it cannot be encoded), stored or not.
   */
  write(key: string, entry: CacheEntry, clock: Clock): string | undefined {
    const { codec, cipher, maxEntryBytes } = this.settings;
    let text: string;
    try {
      text = codec.encode(entry);
    } catch {
      this.skip(key, 'unencodable');
      return undefined;
    }
    const bytes = utf8ByteLength(text);
    if (bytes > maxEntryBytes) {
      this.skip(key, 'oversize', bytes);
      return text;
    }
    const ttlMs = Math.max(1, Math.ceil(entry.staleUntil - clock.now()));
    if (!cipher) this.save(key, text, ttlMs, clock);
    else
      cipher.seal(key, text).then(
        (sealed) => this.save(key, sealed, ttlMs, clock),
        () => this.skip(key, 'unencodable'),
      );
    return text;
  }

  /** Counts an answer that was not stored. */
  skip(key: string, reason: CacheSkipReason, bytes?: number): void {
    this.stats.skipped += 1;
    if (this.events.wants('cache-skip'))
      this.events.emit({ type: 'cache-skip', stage: this.settings.name, key, reason, bytes });
  }

  private save(key: string, value: string, ttlMs: number, clock: Clock): void {
    const written = ({ ok }: StoreAnswer<unknown>) => {
      if (!ok) return;
      const bytes = utf8ByteLength(value);
      this.stats.writes += 1;
      this.stats.bytesWritten += bytes;
      if (this.events.wants('cache-write'))
        this.events.emit({ type: 'cache-write', stage: this.settings.name, key, bytes });
    };
    const answer = this.attempt('set', key, clock, () =>
      this.settings.store.set(key, value, { ttlMs }),
    );
    if (answer instanceof Promise) void answer.then(written);
    else written(answer);
  }

  private delete(key: string, clock: Clock): void {
    void this.attempt('delete', key, clock, () => this.settings.store.delete(key));
  }

  /**
   * Runs one store operation, unless the breaker skips it, within `storeTimeoutMs`; a failure
   * or timeout is reported and counted by the breaker. Never throws or rejects. A store that
   * answers synchronously is answered synchronously.
   */
  private attempt<T>(
    operation: CacheStoreOperation,
    key: string,
    clock: Clock,
    run: () => MaybePromise<T>,
  ): MaybePromise<StoreAnswer<T>> {
    const { breaker, storeTimeoutMs } = this.settings;
    const admission = breaker?.admit(clock.now()) ?? 'call';
    if (admission === 'skip') {
      this.stats.storeSkipped += 1;
      return { ok: false };
    }
    const succeeded = (value: T): StoreAnswer<T> => {
      breaker?.record(admission, true, clock.now());
      return { ok: true, value };
    };
    const failed = (error: unknown): StoreAnswer<T> => {
      breaker?.record(admission, false, clock.now());
      this.stats.errors += 1;
      if (this.events.wants('cache-store-error'))
        this.events.emit({
          type: 'cache-store-error',
          stage: this.settings.name,
          key,
          operation,
          error,
        });
      return { ok: false };
    };
    try {
      const answer = withStoreTimeout(run, storeTimeoutMs, clock);
      return answer instanceof Promise ? answer.then(succeeded, failed) : succeeded(answer);
    } catch (error) {
      return failed(error);
    }
  }
}
