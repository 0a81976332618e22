import { type Clock, onAbort, TimeoutError, type TimeoutPhase } from '@resilient-llm/policies';
import { errorFromSignal } from '../util/error-from-signal';

/** A limit on the wait for the next part. */
export interface PartWaitLimit {
  /** How long to wait for this part. */
  readonly timeoutMs: number;
  readonly phase: TimeoutPhase;
  /** The configured limit, reported on the error. Defaults to `timeoutMs`. */
  readonly configuredMs?: number;
}

/**
 * Pulls parts one at a time from a stream, each pull bounded by a time limit and the
 * attempt's signal. The source keeps running if abandoned, so callers abort the attempt and
 * call {@link PartReader.close} on every failure.
 */
export class PartReader<TPart> {
  private readonly iterator: AsyncIterator<TPart>;

  constructor(
    source: AsyncIterable<TPart>,
    private readonly signal: AbortSignal,
    private readonly clock: Clock,
  ) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** The next part, or a rejection on timeout (`TimeoutError`), abort, or a source error. */
  next(limit: PartWaitLimit | undefined): Promise<IteratorResult<TPart>> {
    return new Promise((resolve, reject) => {
      const timer =
        limit && Number.isFinite(limit.timeoutMs)
          ? this.clock.setTimeout(
              () => {
                stopListening();
                reject(
                  new TimeoutError({
                    phase: limit.phase,
                    timeoutMs: limit.configuredMs ?? limit.timeoutMs,
                  }),
                );
              },
              Math.max(0, limit.timeoutMs),
            )
          : undefined;
      const settle = () => {
        if (timer !== undefined) this.clock.clearTimeout(timer);
        stopListening();
      };
      const stopListening = onAbort(this.signal, () => {
        settle();
        reject(errorFromSignal(this.signal));
      });
      if (this.signal.aborted) {
        settle();
        reject(errorFromSignal(this.signal));
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
