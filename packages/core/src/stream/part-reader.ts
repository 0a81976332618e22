import { type Clock, startTimer, TimeoutError } from '@resilient-llm/policies';
import { onAbort } from '@resilient-llm/policies/internal';
import { errorFromSignal } from '../util/error-from-signal';

/**
 * Pulls parts one at a time from a stream, each pull bounded by the idle limit and the
 * attempt's signal. Only the wait for the provider counts: time the consumer spends between
 * pulls is not idleness. The source keeps running if abandoned, so callers abort the attempt
 * and call {@link PartReader.close} on every failure.
 */
export class PartReader<TPart> {
  private readonly iterator: AsyncIterator<TPart>;

  constructor(
    source: AsyncIterable<TPart>,
    private readonly signal: AbortSignal,
    private readonly clock: Clock,
    private readonly idleTimeoutMs = Infinity,
  ) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** The next part, or a rejection on idle timeout (`TimeoutError`), abort, or a source error. */
  next(): Promise<IteratorResult<TPart>> {
    return new Promise((resolve, reject) => {
      const { idleTimeoutMs, clock, signal } = this;
      const stopTimer = startTimer(
        () => {
          stopListening();
          reject(new TimeoutError({ phase: 'idle', timeoutMs: idleTimeoutMs }));
        },
        idleTimeoutMs,
        { clock },
      );
      const settle = () => {
        stopTimer();
        stopListening();
      };
      const stopListening = onAbort(signal, () => {
        settle();
        reject(errorFromSignal(signal));
      });
      if (signal.aborted) {
        settle();
        reject(errorFromSignal(signal));
        return;
      }
      this.iterator.next().then(
        (result) => {
          settle();
          resolve(result);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  }

  /** Asks the source to stop; never throws, never waits. */
  close(): void {
    try {
      this.iterator.return?.()?.catch(() => {});
    } catch {
      // A source that cannot close has nothing more to give us.
    }
  }
}
