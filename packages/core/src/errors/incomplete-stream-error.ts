import { ResilientError } from '@resilient-llm/policies';

const marker = 'resilient-llm.error.incomplete-stream';
const symbol = Symbol.for(marker);

/** A stream ended without the part that proves completion (its finish part). */
export class IncompleteStreamError extends ResilientError {
  private readonly [symbol] = true;

  constructor({ targetId }: { targetId: string }) {
    super({
      name: 'IncompleteStreamError',
      message: `The stream from ${targetId} ended without its finish part.`,
    });
  }

  static override isInstance(error: unknown): error is IncompleteStreamError {
    return ResilientError.hasMarker(error, marker);
  }
}
