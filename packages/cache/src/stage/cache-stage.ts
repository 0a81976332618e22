import type { Disposable } from '@resilient-llm/policies';
import type { CacheEventOf, CacheEventType } from './cache-event';
import type { CacheStats } from './cache-stats';
import type {
  CacheableOutcome,
  CacheCallInput,
  CacheHitOutcome,
  ResponseOf,
} from './pipeline-shapes';

/**
 * A call-level stage of `createResilientModel()` that answers identical requests from a
 * store, shares identical calls in flight, and records and replays streams.
 */
export interface CacheStage<TRequest, TResponse, TPart> {
  /** The stage's name; answers from the cache carry it as `targetId`. */
  readonly name: string;
  /**
   * Runs once per call, outside the fallback chain. A hit has the response type of the
   * pipeline's outcomes, so the stage fits a model without naming its response type.
   */
  wrapCall<TOutcome extends CacheableOutcome<unknown, TResponse, TPart>>(
    input: CacheCallInput<TRequest, TOutcome>,
  ): Promise<TOutcome | CacheHitOutcome<ResponseOf<TOutcome>, TPart>>;
  /** Subscribes to one type of cache event. */
  on<TType extends CacheEventType>(
    type: TType,
    listener: (event: CacheEventOf<TType>) => void,
  ): Disposable;
  /** Running totals since the stage was created (a copy). */
  stats(): CacheStats;
}
