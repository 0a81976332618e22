import type { TargetContext } from '../contract/context';
import type { Failure } from '../contract/failure';

/**
 * The failures of the errors a stage's policy sees, classified by the target's context as
 * they pass, for the policy's callbacks that are handed only the error (`shouldRetry`,
 * `shouldCount`). An error that is not an object cannot be remembered: the callbacks find no
 * failure for it.
 */
export class ClassifiedFailures {
  private readonly failures = new WeakMap<object, Failure>();

  /** Runs `attempt`; whatever it throws is classified against the context's target on its way out. */
  async classifyThrown<T>(
    context: Pick<TargetContext<unknown>, 'classify'>,
    attempt: () => Promise<T>,
  ): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      if (isObject(error)) this.failures.set(error, context.classify(error));
      throw error;
    }
  }

  /** The failure of an error seen by {@link classifyThrown}, if any. */
  of(error: unknown): Failure | undefined {
    return isObject(error) ? this.failures.get(error) : undefined;
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
