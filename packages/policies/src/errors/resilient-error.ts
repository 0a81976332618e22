const marker = 'resilient-llm.error';
const symbol = Symbol.for(marker);

/**
 * Base class of every error this toolkit throws.
 *
 * Recognise it with {@link ResilientError.isInstance} rather than `instanceof`: the brand is a
 * global symbol, so the check also holds across duplicate installs of the package.
 */
export class ResilientError extends Error {
  private readonly [symbol] = true;

  constructor({ name, message, cause }: { name: string; message: string; cause?: unknown }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = name;
  }

  /** True for any error thrown by any copy of resilient-llm. */
  static isInstance(error: unknown): error is ResilientError {
    return ResilientError.hasMarker(error, marker);
  }

  /** Checks the global brand `Symbol.for(marker)`; subclasses use their own marker. */
  protected static hasMarker(error: unknown, markerName: string): boolean {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[Symbol.for(markerName)] === true
    );
  }
}
