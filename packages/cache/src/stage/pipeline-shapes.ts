import type { Clock } from '@resilient-llm/policies';
import type { RecordedUsage } from '../entry/cache-entry';

// The shapes of `@resilient-llm/core`'s stage contract that the cache stage relies on, declared
// here structurally so that the cache knows nothing of core (core sits above it). A type test
// checks that a cache stage is a core `Stage`.

/** The role of a stream part, as a binding names it (`finish` proves a stream complete). */
export type CachePartRole = 'preamble' | 'content' | 'finish' | 'error' | 'other';

/** The part of a call's context the cache stage reads. */
export interface CacheCallContext {
  /** `generate` or `stream`. */
  readonly mode: 'generate' | 'stream';
  /** Fires on caller abort or when the call's deadline passes. */
  readonly signal: AbortSignal;
  /** The model's clock: entry ages and store timeouts follow it. */
  readonly clock: Clock;
}

/** A stream past its commit point, as core hands it over. */
export interface CacheableStream<TPart> extends AsyncIterable<TPart> {
  /** The latest token usage the stream reported. */
  readonly usage: RecordedUsage | undefined;
  /** Settles (never rejects) once the stream has finished, failed or been cancelled. */
  readonly settled: Promise<void>;
  /** Stops the stream. Idempotent. */
  cancel(reason?: unknown): void;
}

/** Which target answered a call. */
export interface CacheProvenance<TTarget> {
  readonly target: TTarget | undefined;
  readonly targetId: string;
  readonly targetIndex: number;
  readonly attempts: number;
}

/** What a call produced, as far as the cache stage needs to know. */
export type CacheableOutcome<TTarget, TResponse, TPart> = (
  | { readonly mode: 'generate'; readonly response: TResponse }
  | { readonly mode: 'stream'; readonly stream: CacheableStream<TPart> }
) &
  CacheProvenance<TTarget>;

/**
 * The response type of a `generate` outcome (`never` for a stream): a hit answers with the
 * type the pipeline's own outcomes have, so a stage built outside a model still fits it.
 */
export type ResponseOf<TOutcome> = TOutcome extends {
  readonly mode: 'generate';
  readonly response: infer TResponse;
}
  ? TResponse
  : never;

/** An answer the cache stage gives without calling any target (`targetIndex` -1). */
export type CacheHitOutcome<TResponse, TPart> = (
  | { readonly mode: 'generate'; readonly response: TResponse }
  | { readonly mode: 'stream'; readonly stream: CacheableStream<TPart> }
) &
  CacheProvenance<never>;

/** The argument of the cache stage's `wrapCall`. */
export interface CacheCallInput<TRequest, TOutcome> {
  readonly request: TRequest;
  readonly context: CacheCallContext;
  /** Runs the rest of the call (inner stages, then the fallback chain). */
  readonly next: (request: TRequest) => Promise<TOutcome>;
}
