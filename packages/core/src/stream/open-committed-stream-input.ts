import type { Clock } from '@resilient-llm/policies';
import type { Binding, BindingStream } from '../contract/binding';
import type { Failure } from '../contract/failure';
import type { Observation } from '../contract/observation';

/** What `openCommittedStream` needs from the attempt it runs in. */
export interface OpenCommittedStreamInput<TPart> {
  readonly source: BindingStream<TPart>;
  readonly binding: Pick<
    Binding<never, never, never, TPart>,
    'partRole' | 'partError' | 'observePart'
  >;
  readonly targetId: string;
  /** The attempt's signal: fires on caller abort, deadline, or our own cancel. */
  readonly signal: AbortSignal;
  /** Aborts the attempt so the binding closes its connection. */
  readonly abortAttempt: (reason: unknown) => void;
  readonly clock: Clock;
  /** Longest wait for the provider's next part (`TimeoutError` of phase `idle`). Defaults to none. */
  readonly idleTimeoutMs?: number;
  /** Called with every observation (headers at open, usage in parts). */
  readonly onObservation: (observation: Observation) => void;
  /** Classifies a failure after the commit point, for `StreamInterruptedError`. */
  readonly classify: (error: unknown) => Failure;
}
