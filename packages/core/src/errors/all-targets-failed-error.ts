import { ResilientError } from '@resilient-llm/policies';
import type { Failure } from '../contract/failure';
import { summarizeFailure } from '../failure/summarize-failure';

const marker = 'resilient-llm.error.all-targets-failed';
const symbol = Symbol.for(marker);

/** Why one target of a fallback chain did not answer. */
export interface TargetFailure {
  /** The target's id (see `Binding.targetId`). */
  readonly targetId: string;
  /** Its position in the chain, from 0. */
  readonly targetIndex: number;
  /** The last error it produced (the SDK's own error, or ours such as an open circuit). */
  readonly error: unknown;
  /** That error, classified. */
  readonly failure: Failure;
}

/** Every target of the chain failed, each with a fallbackable failure. */
export class AllTargetsFailedError extends ResilientError {
  private readonly [symbol] = true;
  /** One entry per target, in chain order. */
  readonly failures: readonly TargetFailure[];

  constructor({ failures }: { failures: readonly TargetFailure[] }) {
    const summary = failures
      .map((entry) => `${entry.targetId}: ${summarizeFailure(entry.failure)}`)
      .join('; ');
    const subject = failures.length === 1 ? 'The only target' : `All ${failures.length} targets`;
    super({
      name: 'AllTargetsFailedError',
      message: `${subject} failed (${summary}).`,
      cause: failures.at(-1)?.error,
    });
    this.failures = failures;
  }

  /** The errors of every target, in chain order. */
  get errors(): unknown[] {
    return this.failures.map((entry) => entry.error);
  }

  static override isInstance(error: unknown): error is AllTargetsFailedError {
    return ResilientError.hasMarker(error, marker);
  }
}
