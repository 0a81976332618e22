import { createDeadline } from '@resilient-llm/policies';
import type { CallOutcome } from '../contract/outcome';
import type { CallMode } from '../contract/pipeline-event';
import type { CallOptions, ResilientModel } from '../contract/resilient-model';
import { EventHub } from '../events/event-hub';
import { createBuiltInStages } from '../stages/create-built-in-stages';
import { errorFromSignal } from '../util/error-from-signal';
import { raceSignal } from '../util/race-signal';
import { CallState } from './call-state';
import { createCallOptionsCheck } from './check-call-options';
import { createErrorClassifier } from './classify-error';
import { composeCallStages, composeTargetStages } from './compose-stages';
import { isStreamingBinding } from './is-streaming-binding';
import { keepAliveWhileRead } from './keep-alive-while-read';
import type { ResilientModelOptions } from './model-options';
import { prepareModelOptions } from './prepare-model-options';
import { createAttemptRunner } from './run-attempt';
import { createFallbackRunner } from './run-fallback';
import { toResilientStream } from './to-resilient-stream';

/**
 * Builds a model that sends each call through the stages and over the fallback chain:
 *
 * caller -> total deadline + signal -> `wrapCall` stages (first listed outermost) ->
 * fallback over targets -> `wrapTarget` stages -> one attempt (`binding.generate` or
 * `binding.stream` up to the commit point) -> observations to every stage's `observe`.
 *
 * A model whose binding does not stream (no `stream` method) serves `generate` only: its
 * `stream` rejects with a `TypeError` before anything starts.
 *
 * Options are validated here; a bad value or an unknown key throws `InvalidOptionError`
 * naming the field. Per-call options are validated when the call is made: a bad one rejects
 * the call with `InvalidOptionError` before anything starts.
 */
export function createResilientModel<TTarget, TRequest, TResponse, TPart = never>(
  options: ResilientModelOptions<TTarget, TRequest, TResponse, TPart>,
): ResilientModel<TTarget, TRequest, TResponse, TPart> {
  const prepared = prepareModelOptions(options);
  const { binding, targets, timeoutMs, streamTimeouts, clock, telemetry, sharedState } = prepared;
  const events = new EventHub(telemetry);
  const classify = createErrorClassifier((error, target) =>
    binding.classify(error, (target ?? targets[0]) as TTarget),
  );
  const targetIds = targets.map((target) => binding.targetId(target));
  const stages = [...prepared.stages, ...createBuiltInStages(prepared.builtIn)];
  // Built-ins and your stages alike learn the model here, once, before any call.
  const setup = { binding, targets, targetIds, clock, events, ...(sharedState && { sharedState }) };
  for (const stage of stages) stage.setup?.(setup);
  const checkCallOptions = createCallOptionsCheck(stages);
  const observers = stages.filter((stage) => stage.observe);
  const runAttempt = createAttemptRunner({
    binding,
    streamTimeouts,
    observe: (observation, target) => {
      for (const stage of observers) stage.observe!(observation, target);
    },
  });
  const runTarget = composeTargetStages(stages, runAttempt);
  const runCall = composeCallStages(stages, createFallbackRunner({ binding, targets, runTarget }));

  async function run(mode: CallMode, request: TRequest, callOptions: CallOptions = {}) {
    // Every per-call input is checked before anything is armed: a bad one must leave no timer.
    checkCallOptions(callOptions);
    binding.checkRequest?.(request, mode);
    const deadline = createDeadline({
      timeoutMs: callOptions.timeoutMs ?? timeoutMs,
      signal: callOptions.signal,
      clock,
    });
    const call = new CallState(mode, deadline, clock, events, classify, callOptions);
    const startedAt = clock.now();
    if (events.wants('call-start')) events.emit({ type: 'call-start', mode });
    const running = deadline.signal.aborted
      ? Promise.reject(errorFromSignal(deadline.signal))
      : runCall(request, call);
    try {
      const outcome = await raceSignal(running, deadline.signal, () =>
        errorFromSignal(deadline.signal),
      );
      emitSuccess(outcome, mode, clock.now() - startedAt);
      if (outcome.mode === 'stream') {
        void outcome.stream.settled.then(() => deadline.dispose());
        return { ...outcome, stream: keepAliveWhileRead(outcome.stream, deadline) };
      }
      deadline.dispose();
      return outcome;
    } catch (error) {
      deadline.dispose();
      // A stream that commits after the caller gave up must not stay open.
      void running.then(
        (late) => late.mode === 'stream' && late.stream.cancel(error),
        () => {},
      );
      if (events.wants('call-failure')) {
        events.emit({
          type: 'call-failure',
          mode,
          attempts: call.attempts,
          durationMs: clock.now() - startedAt,
          error,
        });
      }
      throw error;
    }
  }

  function emitSuccess(
    outcome: CallOutcome<TTarget, TResponse, TPart>,
    mode: CallMode,
    durationMs: number,
  ) {
    if (!events.wants('call-success')) return;
    const { targetId, targetIndex, attempts } = outcome;
    events.emit({ type: 'call-success', mode, targetId, targetIndex, attempts, durationMs });
  }

  return {
    targets,
    on: (type, listener) => events.on(type, listener),
    async generate(request, callOptions) {
      const outcome = await run('generate', request, callOptions);
      if (outcome.mode !== 'generate')
        throw new TypeError('A stage returned a stream to a generate call.');
      const { response, observation, target, targetId, targetIndex, attempts } = outcome;
      return { response, observation, target, targetId, targetIndex, attempts };
    },
    async stream(request, callOptions) {
      if (!isStreamingBinding(binding)) {
        throw new TypeError(
          'This model does not stream: its binding has no `stream` method. Call `generate` instead.',
        );
      }
      const outcome = await run('stream', request, callOptions);
      if (outcome.mode !== 'stream')
        throw new TypeError('A stage returned a response to a stream call.');
      const { stream, target, targetId, targetIndex, attempts } = outcome;
      if (events.wants('stream-commit'))
        events.emit({ type: 'stream-commit', targetId, targetIndex });
      return { stream: toResilientStream(stream), target, targetId, targetIndex, attempts };
    },
  };
}
