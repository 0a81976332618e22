import type { Clock, Deadline } from '@resilient-llm/policies';
import type { EventHub } from '../events/event-hub';
import type { CallMode } from '../events/pipeline-event';
import type { Failure } from '../failure/failure';

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
  /** The model's events. */
  readonly events: EventHub;
  /** Attempts started so far across all targets. */
  readonly attempts: number;
  /** Classifies an error in the shared taxonomy (once per error; see the binding's `classify`). */
  classify(error: unknown): Failure;
}

/** What a per-target stage sees: the call plus the target being tried. */
export interface TargetContext<TTarget> extends CallContext {
  readonly target: TTarget;
  readonly targetId: string;
  readonly targetIndex: number;
  /** Attempts started so far on this target. */
  readonly targetAttempts: number;
  /** The signal of this attempt: the call's, narrowed by outer stages (e.g. an attempt timeout). */
  readonly signal: AbortSignal;
}
