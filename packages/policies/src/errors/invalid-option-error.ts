import { ResilientError } from './resilient-error';

const marker = 'resilient-llm.error.invalid-option';
const symbol = Symbol.for(marker);

/** An option failed validation at construction; `field` names it, `value` is what was given. */
export class InvalidOptionError extends ResilientError {
  private readonly [symbol] = true;
  /** Dotted path of the option, e.g. `retry.maxAttempts`. */
  readonly field: string;
  /** The rejected value, as given. */
  readonly value: unknown;
  /** Why it was rejected, e.g. `must be at least 1`. */
  readonly reason: string;

  constructor({ field, value, reason }: { field: string; value: unknown; reason: string }) {
    super({
      name: 'InvalidOptionError',
      message: `Invalid option ${field}: ${describeValue(value)} ${reason}.`,
    });
    this.field = field;
    this.value = value;
    this.reason = reason;
  }

  static override isInstance(error: unknown): error is InvalidOptionError {
    return ResilientError.hasMarker(error, marker);
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
