import { startTimer, TimeoutError } from '@resilient-llm/policies';
import type { ModelBinding } from '../contract/binding';
import type { Observation } from '../contract/observation';
import type { AttemptOutcome } from '../contract/outcome';
import { openCommittedStream } from '../stream/open-committed-stream';
import type { StreamTimeouts } from '../stream/stream-timeouts';
import { errorFromSignal } from '../util/error-from-signal';
import { linkAbortController } from '../util/linked-abort-controller';
import { raceSignal } from '../util/race-signal';
import type { CallState, TargetState } from './call-state';
import { isStreamingBinding } from './is-streaming-binding';

/** Runs one attempt on one target: the innermost step of the pipeline. */
export type AttemptRunner<TTarget, TRequest, TResponse, TPart> = (
  request: TRequest,
  target: TargetState<TTarget>,
  call: CallState,
) => Promise<AttemptOutcome<TResponse, TPart>>;

/** Builds the innermost step: call the binding, observe the response, commit streams. */
export function createAttemptRunner<TTarget, TRequest, TResponse, TPart>({
  binding,
  streamTimeouts,
  observe,
}: {
  binding: ModelBinding<TTarget, TRequest, TResponse, TPart>;
  streamTimeouts: StreamTimeouts;
  observe: (observation: Observation, target: TargetState<TTarget>) => void;
}): AttemptRunner<TTarget, TRequest, TResponse, TPart> {
  return async (request, target, call) => {
    const attempt = target.startAttempt();
    const { targetId, targetIndex } = target;
    if (call.events.wants('attempt-start'))
      call.events.emit({ type: 'attempt-start', targetId, targetIndex, attempt });
    const { controller, unlink } = linkAbortController(target.signal);
    const signal = controller.signal;
    const untilAborted = <T>(promise: Promise<T>) =>
      raceSignal(promise, signal, () => errorFromSignal(signal));
    try {
      if (call.mode === 'generate') {
        const response = await untilAborted(binding.generate(target.target, request, { signal }));
        const observation = binding.observe?.(response);
        if (observation) observe(observation, target);
        unlink();
        if (call.events.wants('attempt-success')) {
          call.events.emit({
            type: 'attempt-success',
            targetId,
            targetIndex,
            attempt,
            observation,
          });
        }
        return { mode: 'generate', response, observation };
      }
      // The model refuses stream calls of a binding that does not stream before they start.
      if (!isStreamingBinding(binding)) throw new TypeError('The binding does not stream.');
      const streaming = binding;
      const { firstContentTimeoutMs, idleTimeoutMs } = streamTimeouts;
      // The first-content limit covers opening the stream too: some providers send no
      // headers until the first token is ready.
      const stopFirstContentTimer = startTimer(
        () =>
          controller.abort(
            new TimeoutError({ phase: 'first-token', timeoutMs: firstContentTimeoutMs! }),
          ),
        firstContentTimeoutMs ?? Infinity,
        { clock: call.clock },
      );
      let observation: Observation | undefined;
      const stream = await untilAborted(streaming.stream(target.target, request, { signal }))
        .then((source) => {
          observation = source.observation;
          return openCommittedStream({
            source,
            binding: streaming,
            targetId,
            signal,
            abortAttempt: (reason) => controller.abort(reason),
            clock: call.clock,
            idleTimeoutMs,
            onObservation: (seen) => observe(seen, target),
            classify: (error) => target.classify(error),
          });
        })
        .finally(stopFirstContentTimer);
      void stream.settled.then(unlink);
      if (call.events.wants('attempt-success'))
        call.events.emit({ type: 'attempt-success', targetId, targetIndex, attempt });
      return { mode: 'stream', stream, observation };
    } catch (error) {
      // Whatever failed, the binding must stop working on this attempt.
      controller.abort(error);
      unlink();
      // Classified now, against this target; stages and the fallback loop reuse the result.
      const failure = target.classify(error);
      if (call.events.wants('attempt-failure')) {
        call.events.emit({ type: 'attempt-failure', targetId, targetIndex, attempt, failure });
      }
      throw error;
    }
  };
}
