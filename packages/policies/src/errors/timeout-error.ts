import { ResilientError } from './resilient-error';

const marker = 'resilient-llm.error.timeout';
const symbol = Symbol.for(marker);

/**
 * Which limit ran out: one `attempt`, the `total` deadline of a call, the wait for the
 * `first-token` of a stream, the `idle` gap between two stream parts, or one operation on a
 * `SharedState` (`shared-state`, reported in a fault event, never to a caller).
 */
export type TimeoutPhase = 'attempt' | 'total' | 'first-token' | 'idle' | 'shared-state';

/** A time limit ran out. */
export class TimeoutError extends ResilientError {
  private readonly [symbol] = true;
  /** Which limit ran out. */
  readonly phase: TimeoutPhase;
  /** The limit that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor({
    phase,
    timeoutMs,
    cause,
  }: { phase: TimeoutPhase; timeoutMs: number; cause?: unknown }) {
    super({
      name: 'TimeoutError',
      message: `The ${phase} timeout of ${timeoutMs} ms ran out.`,
      cause,
    });
    this.phase = phase;
    this.timeoutMs = timeoutMs;
  }

  static override isInstance(error: unknown): error is TimeoutError {
    return ResilientError.hasMarker(error, marker);
  }
}
