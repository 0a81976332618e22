import { type SafeValue, safeValue } from '../redaction/safe-value';
import { ResilientError } from './resilient-error';

const marker = 'resilient-llm.error.invalid-option';
const symbol = Symbol.for(marker);

// A value already made safe, handed on when an error is reported under a longer field name.
class ShownValue {
  constructor(readonly safe: SafeValue) {}
}

/**
 * An option or a per-call argument failed validation: `field` names it, `reason` says why.
 * Neither the message nor `value` ever holds a credential or an object given as the value.
 */
export class InvalidOptionError extends ResilientError {
  private readonly [symbol] = true;
  /** Dotted path of the option, e.g. `retry.maxAttempts`. */
  readonly field: string;
  /**
   * A safe form of the rejected value: `undefined`, `null`, numbers and booleans as given; a
   * string as given unless it looks like a credential (`sk-...`, `Bearer ...`); `'[redacted]'`
   * for anything given for a field whose name says it holds a credential (`apiKey`,
   * `authorization`, `password`, `token`, ...); for an object, array or function a description
   * of its kind, such as `'an object with keys apiKey, baseURL'` or `'an instance of OpenAI'`,
   * never the object itself.
   */
  readonly value: unknown;
  /** Why it was rejected, e.g. `must be at least 1`. */
  readonly reason: string;
  readonly #safe: SafeValue;

  constructor({ field, value, reason }: { field: string; value: unknown; reason: string }) {
    const safe = value instanceof ShownValue ? value.safe : safeValue(field, value);
    super({
      name: 'InvalidOptionError',
      message: `Invalid option ${field}: ${safe.shown} ${reason}${/[.?!]$/.test(reason) ? '' : '.'}`,
    });
    this.field = field;
    this.value = safe.value;
    this.reason = reason;
    this.#safe = safe;
  }

  /**
   * The same refusal for an option nested under `prefix`: `maxAttempts` under `retry` becomes
   * `retry.maxAttempts`, so the message names the option as the caller wrote it.
   */
  under(prefix: string): InvalidOptionError {
    return new InvalidOptionError({
      field: `${prefix}.${this.field}`,
      value: new ShownValue(this.#safe),
      reason: this.reason,
    });
  }

  static override isInstance(error: unknown): error is InvalidOptionError {
    return ResilientError.hasMarker(error, marker);
  }
}
