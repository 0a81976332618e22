import { AbortedError } from '@resilient-llm/policies';
import { onAbort } from '@resilient-llm/policies/internal';
import type { CommittedStream } from '../contract/committed-stream';
import type { Usage } from '../contract/observation';
import { IncompleteStreamError } from '../errors/incomplete-stream-error';
import { StreamInterruptedError } from '../errors/stream-interrupted-error';
import type { OpenCommittedStreamInput } from './open-committed-stream-input';
import type { PartReader } from './part-reader';

interface StreamTailInput<TPart> extends OpenCommittedStreamInput<TPart> {
  readonly reader: PartReader<TPart>;
  /** Parts read before the commit point, the committing part last. */
  readonly buffer: readonly TPart[];
  /** True when the committing part was the finish part. */
  readonly finished: boolean;
}

/** The part of a stream after its commit point: replays the buffer once, then reads on. */
export class StreamTail<TPart> {
  private readonly delivered: TPart[] = [];
  private usage: Usage | undefined;
  private finished: boolean;
  private started = false;
  private cancelled = false;
  private stopped = false;
  private resolveSettled!: () => void;
  private readonly settled = new Promise<void>((resolve) => {
    this.resolveSettled = resolve;
  });
  private readonly stopListening: () => void;

  constructor(private readonly input: StreamTailInput<TPart>) {
    this.finished = input.finished;
    // An attempt aborted while nobody reads (the total deadline ran out on a stream the caller
    // never read) has failed: it settles at once, so that the call's deadline, the bulkhead
    // slot and the rate-limit permit it holds are released without waiting for a reader.
    this.stopListening = onAbort(input.signal, () => this.stop(undefined));
  }

  toCommittedStream(): CommittedStream<TPart> {
    const tail = this;
    return {
      get usage() {
        return tail.usage;
      },
      settled: this.settled,
      opened: this.input.source.opened,
      cancel: (reason?: unknown) => {
        this.cancelled = true;
        this.stop(reason ?? new AbortedError({ message: 'The stream was cancelled.' }));
      },
      [Symbol.asyncIterator]: () => {
        if (this.started) throw new TypeError('A committed stream can be iterated only once.');
        this.started = true;
        return this.iterate();
      },
    };
  }

  private async *iterate(): AsyncGenerator<TPart, void, undefined> {
    const { reader, binding } = this.input;
    try {
      for (const part of this.input.buffer) {
        // A cancelled stream ends quietly, buffered parts included.
        if (this.cancelled) return;
        this.delivered.push(part);
        yield part;
      }
      for (;;) {
        let result: IteratorResult<TPart>;
        try {
          result = await reader.next();
        } catch (error) {
          if (this.cancelled) return;
          // After the finish part the answer is complete; a trailing failure loses nothing.
          if (this.finished && !AbortedError.isInstance(error)) return;
          throw this.interrupted(error);
        }
        if (result.done) {
          if (!this.finished)
            throw this.interrupted(new IncompleteStreamError({ targetId: this.input.targetId }));
          return;
        }
        const part = result.value;
        const role = binding.partRole(part);
        if (role === 'error')
          throw this.interrupted(binding.partError?.(part) ?? new Error('Error part.'));
        if (role === 'finish') this.finished = true;
        this.observe(part);
        this.delivered.push(part);
        yield part;
      }
    } finally {
      // A consumer that stops reading early must not leave the connection open.
      this.stop(
        this.finished
          ? undefined
          : new AbortedError({ message: 'The stream was closed before it finished.' }),
      );
    }
  }

  private observe(part: TPart): void {
    const observation = this.input.binding.observePart?.(part);
    if (!observation) return;
    if (observation.usage) this.usage = observation.usage;
    this.input.onObservation(observation);
  }

  private interrupted(error: unknown): unknown {
    // The caller's own abort is not an interruption to report with partial output.
    if (AbortedError.isInstance(error)) return error;
    return new StreamInterruptedError({
      partialParts: [...this.delivered],
      usage: this.usage,
      targetId: this.input.targetId,
      failure: this.input.classify(error),
    });
  }

  private stop(reason: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stopListening();
    if (reason !== undefined) this.input.abortAttempt(reason);
    this.input.reader.close();
    this.resolveSettled();
  }
}
