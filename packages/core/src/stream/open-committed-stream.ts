import type { CommittedStream } from '../contract/committed-stream';
import { IncompleteStreamError } from '../errors/incomplete-stream-error';
import type { OpenCommittedStreamInput } from './open-committed-stream-input';
import { PartReader } from './part-reader';
import { StreamTail } from './stream-tail';

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
