const marker = Symbol.for('resilient-llm.simulator.config-error');

/** A simulator configuration was rejected; `field` is its path, `value` what was given. */
export class SimulatorConfigError extends Error {
  private readonly [marker] = true;
  /** Path of the bad field, e.g. `models.gpt-4o.faults[1].probability`. */
  readonly field: string;
  /** The rejected value, as given. */
  readonly value: unknown;

  constructor({ field, value, reason }: { field: string; value: unknown; reason: string }) {
    super(`Invalid simulator config at ${field}: ${describeValue(value)} ${reason}.`);
    this.name = 'SimulatorConfigError';
    this.field = field;
    this.value = value;
  }

  /** True for errors of this class, across duplicate installs of the package. */
  static isInstance(error: unknown): error is SimulatorConfigError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
