import { ResilientError } from './resilient-error';

const marker = 'resilient-llm.error.broken-circuit';
const symbol = Symbol.for(marker);

/** A circuit breaker refused the call without making it: the circuit is open. */
export class BrokenCircuitError extends ResilientError {
  private readonly [symbol] = true;
  /**
   * Milliseconds until the breaker lets a probe call through; 0 while it is half-open and
   * every probe slot is taken.
   */
  readonly retryAfterMs: number;

  constructor({ retryAfterMs, cause }: { retryAfterMs: number; cause?: unknown }) {
    super({
      name: 'BrokenCircuitError',
      message: `The circuit is open; retry in ${retryAfterMs} ms.`,
      cause,
    });
    this.retryAfterMs = retryAfterMs;
  }

  static override isInstance(error: unknown): error is BrokenCircuitError {
    return ResilientError.hasMarker(error, marker);
  }
}
