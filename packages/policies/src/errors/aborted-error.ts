import { ResilientError } from './resilient-error';

const marker = 'resilient-llm.error.aborted';
const symbol = Symbol.for(marker);

/** The caller's `AbortSignal` fired; `cause` holds the signal's reason. */
export class AbortedError extends ResilientError {
  private readonly [symbol] = true;

  constructor({
    cause,
    message = 'The operation was aborted.',
  }: { cause?: unknown; message?: string } = {}) {
    super({ name: 'AbortedError', message, cause });
  }

  static override isInstance(error: unknown): error is AbortedError {
    return ResilientError.hasMarker(error, marker);
  }
}
