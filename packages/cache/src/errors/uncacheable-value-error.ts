import { ResilientError } from '@resilient-llm/policies';

const marker = 'resilient-llm.error.uncacheable-value';
const symbol = Symbol.for(marker);

/**
 * Key material held a value with no canonical form (a `Map`, a class instance, a cycle): the
 * call goes upstream uncached rather than risk two different requests sharing one key.
 */
export class UncacheableValueError extends ResilientError {
  private readonly [symbol] = true;
  /** Where in the key material the value sits, e.g. `$.messages[0].content`. */
  readonly path: string;

  constructor({ path, reason }: { path: string; reason: string }) {
    super({ name: 'UncacheableValueError', message: `Cannot key ${path}: ${reason}.` });
    this.path = path;
  }

  static override isInstance(error: unknown): error is UncacheableValueError {
    return ResilientError.hasMarker(error, marker);
  }
}
