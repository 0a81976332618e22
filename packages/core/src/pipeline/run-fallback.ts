import type { ModelBinding } from '../contract/binding';
import type { AttemptOutcome, CallOutcome } from '../contract/outcome';
import { AllTargetsFailedError, type TargetFailure } from '../errors/all-targets-failed-error';
import { errorFromSignal } from '../util/error-from-signal';
import { type CallState, TargetState } from './call-state';

/**
 * Tries each target in order. A fallbackable failure moves on to the next target; any other
 * failure ends the call with that error; when every target has failed the caller gets
 * `AllTargetsFailedError` holding each target's error.
 */
export function createFallbackRunner<TTarget, TRequest, TResponse, TPart>({
  binding,
  targets,
  runTarget,
}: {
  binding: ModelBinding<TTarget, TRequest, TResponse, TPart>;
  targets: readonly TTarget[];
  runTarget: (
    request: TRequest,
    target: TargetState<TTarget>,
    call: CallState,
  ) => Promise<AttemptOutcome<TResponse, TPart>>;
}): (request: TRequest, call: CallState) => Promise<CallOutcome<TTarget, TResponse, TPart>> {
  const targetIds = targets.map((target) => binding.targetId(target));
  return async (request, call) => {
    const failures: TargetFailure[] = [];
    for (const [targetIndex, target] of targets.entries()) {
      const targetId = targetIds[targetIndex]!;
      try {
        const outcome = await runTarget(
          request,
          new TargetState(call, target, targetId, targetIndex),
          call,
        );
        return { ...outcome, target, targetId, targetIndex, attempts: call.attempts };
      } catch (error) {
        if (call.signal.aborted) throw errorFromSignal(call.signal);
        const failure = call.classify(error, target);
        if (!failure.fallbackable) throw error;
        failures.push({ targetId, targetIndex, error, failure });
        const nextTargetId = targetIds[targetIndex + 1];
        if (nextTargetId !== undefined && call.events.wants('fallback')) {
          call.events.emit({ type: 'fallback', targetId, targetIndex, failure, nextTargetId });
        }
      }
    }
    throw new AllTargetsFailedError({ failures });
  };
}
