import { type BulkheadOptions, BulkheadPolicy, type Clock } from '@resilient-llm/policies';
import { bulkheadOptionKeys } from '@resilient-llm/policies/internal';
import { assertOptions, withoutKeys } from '@resilient-llm/policies/validation';
import type { Stage } from '../contract/stage';
import { holdSlotUntilSettled } from './hold-slot-until-settled';
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
 */
export function createBulkheadStage<TTarget, TRequest, TResponse, TPart>(
  options: BulkheadStageOptions,
  { clock, targetIds }: { clock?: Clock; targetIds: readonly string[] },
): Stage<TTarget, TRequest, TResponse, TPart> & {
  readonly bulkheads: ReadonlyMap<string, BulkheadPolicy>;
} {
  assertOptions('bulkhead', options, bulkheadStageOptionKeys);
  const bulkheads = perTarget(
    'bulkhead',
    options,
    { targetIds, targetKeys: bulkheadKeys },
    (targetOptions) => new BulkheadPolicy({ ...targetOptions, clock }),
  );
  return {
    name: 'bulkhead',
    bulkheads,
    wrapTarget: ({ request, context, next }) =>
      holdSlotUntilSettled(
        bulkheads.get(context.targetId)!,
        (signal) => next(request, { signal }),
        context.signal,
      ),
  };
}
