import { ResilientError } from '@resilient-llm/policies';

const marker = 'resilient-llm.error.shared-state-timeout';
const symbol = Symbol.for(marker);

/**
 * An operation of `redisSharedState` got no answer from Redis within `operationTimeoutMs`
 * (a frozen server, or a command queued while disconnected); the policy that called it falls
 * back to local state.
 */
export class SharedStateTimeoutError extends ResilientError {
  private readonly [symbol] = true;
  /** The operation that got no answer (`'rate-limit'`, `'read-breaker'`, …). */
  readonly operation: string;
  /** The limit that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor({ operation, timeoutMs }: { operation: string; timeoutMs: number }) {
    super({
      name: 'SharedStateTimeoutError',
      message: `Redis did not answer the ${operation} operation within ${timeoutMs} ms.`,
    });
    this.operation = operation;
    this.timeoutMs = timeoutMs;
  }

  static override isInstance(error: unknown): error is SharedStateTimeoutError {
    return ResilientError.hasMarker(error, marker);
  }
}
