import type { AttemptOutcome, CallOutcome } from '../contract/outcome';
import type { Stage } from '../contract/stage';
import type { CallState, TargetState } from './call-state';

type TargetStep<TTarget, TRequest, TResponse, TPart> = (
  request: TRequest,
  target: TargetState<TTarget>,
  call: CallState,
) => Promise<AttemptOutcome<TResponse, TPart>>;

type CallStep<TTarget, TRequest, TResponse, TPart> = (
  request: TRequest,
  call: CallState,
) => Promise<CallOutcome<TTarget, TResponse, TPart>>;

/** Wraps the attempt step in every stage's `wrapTarget`, the first stage outermost. */
export function composeTargetStages<TTarget, TRequest, TResponse, TPart>(
  stages: readonly Stage<TTarget, TRequest, TResponse, TPart>[],
  innermost: TargetStep<TTarget, TRequest, TResponse, TPart>,
): TargetStep<TTarget, TRequest, TResponse, TPart> {
  return [...stages]
    .reverse()
    .reduce<TargetStep<TTarget, TRequest, TResponse, TPart>>((inner, stage) => {
      const wrapTarget = stage.wrapTarget?.bind(stage);
      if (!wrapTarget) return inner;
      return (request, target, call) =>
        wrapTarget({
          request,
          context: target,
          next: (nextRequest, options) =>
            inner(nextRequest, options?.signal ? target.withSignal(options.signal) : target, call),
        });
    }, innermost);
}

/** Wraps the fallback step in every stage's `wrapCall`, the first stage outermost. */
export function composeCallStages<TTarget, TRequest, TResponse, TPart>(
  stages: readonly Stage<TTarget, TRequest, TResponse, TPart>[],
  innermost: CallStep<TTarget, TRequest, TResponse, TPart>,
): CallStep<TTarget, TRequest, TResponse, TPart> {
  return [...stages]
    .reverse()
    .reduce<CallStep<TTarget, TRequest, TResponse, TPart>>((inner, stage) => {
      const wrapCall = stage.wrapCall?.bind(stage);
      if (!wrapCall) return inner;
      return (request, call) =>
        wrapCall({ request, context: call, next: (nextRequest) => inner(nextRequest, call) });
    }, innermost);
}
