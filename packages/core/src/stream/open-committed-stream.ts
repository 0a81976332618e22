import type { Clock } from '@resilient-llm/policies';
import type { Binding, BindingStream } from '../binding/binding';
import type { Observation } from '../binding/observation';
import { IncompleteStreamError } from '../errors/incomplete-stream-error';
import type { Failure } from '../failure/failure';
import type { CommittedStream } from './committed-stream';
import { PartReader } from './part-reader';
import { StreamTail } from './stream-tail';

/** What {@link openCommittedStream} needs from the attempt it runs in. */
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

/**
 * Reads a binding's stream up to its commit point: preamble parts are buffered, and the
 * first content part (or the finish part of an empty answer) commits. Any failure before
 * that rejects, so the attempt can be retried or fall over with nothing emitted; after it,
 * the returned stream replays the buffer once and continues.
 */
export async function openCommittedStream<TPart>(
  input: OpenCommittedStreamInput<TPart>,
): Promise<CommittedStream<TPart>> {
  const { source, binding, targetId, signal, abortAttempt, clock, idleTimeoutMs, onObservation } =
    input;
  if (source.observation) onObservation(source.observation);
  const reader = new PartReader(source.parts, signal, clock, idleTimeoutMs);
  const buffer: TPart[] = [];
  const failAttempt = (error: unknown): never => {
    abortAttempt(error);
    reader.close();
    throw error;
  };

  for (;;) {
    let result: IteratorResult<TPart>;
    try {
      result = await reader.next();
    } catch (error) {
      return failAttempt(error);
    }
    if (result.done) return failAttempt(new IncompleteStreamError({ targetId }));
    const part = result.value;
    const role = binding.partRole(part);
    if (role === 'error')
      return failAttempt(binding.partError?.(part) ?? new Error(`Error part from ${targetId}.`));
    const observation = binding.observePart?.(part);
    if (observation) onObservation(observation);
    buffer.push(part);
    if (role === 'content' || role === 'finish') {
      return new StreamTail({
        ...input,
        reader,
        buffer,
        finished: role === 'finish',
      }).toCommittedStream();
    }
  }
}
