import type { Clock, Deadline } from '@resilient-llm/policies';
import type { Failure } from './failure';
import type { CallMode, EventSink } from './pipeline-event';
import type { CallOptions } from './resilient-model';

/** What every stage sees about the call in progress. */
export interface CallContext {
  /** `generate` or `stream`. */
  readonly mode: CallMode;
  /** Fires on caller abort or when the total deadline passes. Pass it to everything that waits. */
  readonly signal: AbortSignal;
  /** The total deadline of the call (spans retries, waits and fallbacks). */
  readonly deadline: Deadline;
  /** The model's clock. */
  readonly clock: Clock;
  /** The model's event stream. */
  readonly events: EventSink;
  /**
   * The caller's per-call options, checked before the call started: `signal`, `timeoutMs`,
   * `metadata` and the keys stages declare ({@link Stage.callOptions}), such as the cache's
   * `cache`. Both adapters carry them from their SDK's own per-call channel.
   */
  readonly options: Readonly<CallOptions>;
  /** Attempts started so far across all targets. */
  readonly attempts: number;
  /** Classifies an error in the shared taxonomy (once per error; see the binding's `classify`). */
  classify(error: unknown): Failure;
}

/**
 * What a per-target stage sees: the call plus the target being tried.
 * @typeParam TTarget What a target is for the binding (an OpenAI client and model, an AI SDK
 * model).
 */
export interface TargetContext<TTarget> extends CallContext {
  readonly target: TTarget;
  readonly targetId: string;
  readonly targetIndex: number;
  /** Attempts started so far on this target. */
  readonly targetAttempts: number;
  /** The signal of this attempt: the call's, narrowed by outer stages (e.g. an attempt timeout). */
  readonly signal: AbortSignal;
}
