import type { Clock, Deadline } from '@resilient-llm/policies';
import type { CallContext, TargetContext } from '../contract/context';
import type { Failure } from '../contract/failure';
import type { CallMode, EventSink } from '../contract/pipeline-event';
import type { CallOptions } from '../contract/resilient-model';

/** The mutable state of one call, seen by stages through read-only contexts. */
export class CallState implements CallContext {
  attempts = 0;
  readonly signal: AbortSignal;

  constructor(
    readonly mode: CallMode,
    readonly deadline: Deadline,
    readonly clock: Clock,
    readonly events: EventSink,
    private readonly classifyFor: (error: unknown, target?: unknown) => Failure,
    readonly options: Readonly<CallOptions>,
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
  get events(): EventSink {
    return this.call.events;
  }
  get options(): Readonly<CallOptions> {
    return this.call.options;
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
