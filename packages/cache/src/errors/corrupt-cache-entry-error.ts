import { ResilientError } from '@resilient-llm/policies';

const marker = 'resilient-llm.error.corrupt-cache-entry';
const symbol = Symbol.for(marker);

/** A stored entry could not be read back (bad JSON, unknown version, wrong shape); it is deleted. */
export class CorruptCacheEntryError extends ResilientError {
  private readonly [symbol] = true;

  constructor({ reason, cause }: { reason: string; cause?: unknown }) {
    super({ name: 'CorruptCacheEntryError', message: `Corrupt cache entry: ${reason}.`, cause });
  }

  static override isInstance(error: unknown): error is CorruptCacheEntryError {
    return ResilientError.hasMarker(error, marker);
  }
}
