import { ResilientError } from '@resilient-llm/policies';

const marker = 'resilient-llm.error.cache-store-timeout';
const symbol = Symbol.for(marker);

/** A store did not answer an operation within `storeTimeoutMs`; a read then sends the call upstream. */
export class CacheStoreTimeoutError extends ResilientError {
  private readonly [symbol] = true;
  /** The limit that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor({ timeoutMs }: { timeoutMs: number }) {
    super({
      name: 'CacheStoreTimeoutError',
      message: `The cache store did not answer within ${timeoutMs} ms.`,
    });
    this.timeoutMs = timeoutMs;
  }

  static override isInstance(error: unknown): error is CacheStoreTimeoutError {
    return ResilientError.hasMarker(error, marker);
  }
}
