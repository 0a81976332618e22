import { type BulkheadOptions, BulkheadPolicy } from '@resilient-llm/policies';
import { bulkheadOptionKeys } from '@resilient-llm/policies/internal';
import { assertOptions, withoutKeys } from '@resilient-llm/policies/validation';
import type { Stage } from '../contract/stage';
import type { FitsAnyModel } from './fits-any-model';
import { holdSlotUntilSettled } from './hold-slot-until-settled';
import { createModelState } from './model-state';
import { type PerTargetOptions, perTarget, perTargetKeys } from './per-target';

const bulkheadKeys = withoutKeys(bulkheadOptionKeys, ['clock']);

/** Options of the bulkhead stage: `BulkheadOptions` (one bulkhead per target) plus per-target overrides. */
export type BulkheadStageOptions = PerTargetOptions<Omit<BulkheadOptions, 'clock'>>;

/** Every option of {@link BulkheadStageOptions}: any other key is refused. */
const bulkheadStageOptionKeys = perTargetKeys(bulkheadKeys);

/**
 * One bulkhead per target: at most `maxConcurrent` attempts run at once (a stream counts
 * until it ends), `maxQueued` wait in line. When the target is full the stage throws
 * `BulkheadRejectedError` and the call moves on to the next target.
 *
 * Options are checked here; the model's targets and clock come with `setup`, which the model
 * calls when it is built and which refuses overrides for targets the model does not have. The
 * stage serves one model: setting it up for a second throws `InvalidOptionError`, and running
 * it before setup throws. `bulkheads` holds one bulkhead per target once the stage is set up.
 * @typeParam TTarget What a target is for the binding (an OpenAI client and model, an AI SDK
 * model); `FitsAnyModel` (the default) when built without type arguments, so the stage fits any
 * model.
 * @typeParam TRequest The request the binding's SDK takes (OpenAI chat or responses params, AI SDK
 * call options); `FitsAnyModel` (the default) when built without type arguments, so the stage
 * fits any model.
 * @typeParam TResponse The response the binding's SDK gives for one non-streaming attempt;
 * `FitsAnyModel` (the default) when built without type arguments, so the stage fits any model.
 * @typeParam TPart One part of a stream the binding's SDK yields (an OpenAI chunk or event, an AI
 * SDK stream part); `FitsAnyModel` (the default) when built without type arguments, so the stage
 * fits any model.
 */
export function createBulkheadStage<
  TTarget = FitsAnyModel,
  TRequest = FitsAnyModel,
  TResponse = FitsAnyModel,
  TPart = FitsAnyModel,
>(
  options: BulkheadStageOptions = {},
): Stage<TTarget, TRequest, TResponse, TPart> & {
  readonly bulkheads: ReadonlyMap<string, BulkheadPolicy>;
} {
  assertOptions('bulkhead', options, bulkheadStageOptionKeys);
  const bulkheads = perTarget(
    'bulkhead',
    options,
    bulkheadKeys,
    (targetOptions, _targetId, clock) => new BulkheadPolicy({ ...targetOptions, clock }),
  );
  const model = createModelState('bulkhead', bulkheads.setUp);
  return {
    name: 'bulkhead',
    bulkheads: bulkheads.byTarget,
    setup: model.setup,
    wrapTarget: ({ request, context, next }) =>
      holdSlotUntilSettled(
        model.current().get(context.targetId)!,
        (signal) => next(request, { signal }),
        context.signal,
      ),
  };
}
