import type { Clock, Deadline } from '@resilient-llm/policies';
import type { EventHub } from '../events/event-hub';
import type { CallMode } from '../events/pipeline-event';
import type { Failure } from '../failure/failure';
import type { CallContext, TargetContext } from './context';

/** The mutable state of one call, seen by stages through read-only contexts. */
export class CallState implements CallContext {
  attempts = 0;
  readonly signal: AbortSignal;

  constructor(
    readonly mode: CallMode,
    readonly deadline: Deadline,
    readonly clock: Clock,
    readonly events: EventHub,
    private readonly classifyFor: (error: unknown, target?: unknown) => Failure,
  ) {
    this.signal = deadline.signal;
  }

  /** Classifies an error raised while trying `target` (the first target when omitted). */
  classify(error: unknown, target?: unknown): Failure {
    return this.classifyFor(error, target);
  }
}

/** The mutable state of one target within a call. */
export class TargetState<TTarget> implements TargetContext<TTarget> {
  constructor(
    private readonly call: CallState,
    readonly target: TTarget,
    readonly targetId: string,
    readonly targetIndex: number,
    readonly signal: AbortSignal = call.signal,
    private readonly counter = { attempts: 0 },
  ) {}

  get targetAttempts(): number {
    return this.counter.attempts;
  }

  /** The same target state seen through a narrower signal (counters are shared). */
  withSignal(signal: AbortSignal): TargetState<TTarget> {
    return new TargetState(
      this.call,
      this.target,
      this.targetId,
      this.targetIndex,
      signal,
      this.counter,
    );
  }

  classify(error: unknown): Failure {
    return this.call.classify(error, this.target);
  }

  get mode(): CallMode {
    return this.call.mode;
  }
  get deadline(): Deadline {
    return this.call.deadline;
  }
  get clock(): Clock {
    return this.call.clock;
  }
  get events(): EventHub {
    return this.call.events;
  }
  get attempts(): number {
    return this.call.attempts;
  }

  /** Counts one more attempt on this target and in the call; returns its number from 1. */
  startAttempt(): number {
    this.call.attempts += 1;
    this.counter.attempts += 1;
    return this.counter.attempts;
  }
}
