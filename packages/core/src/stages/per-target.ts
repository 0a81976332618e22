import {
  type Clock,
  InvalidOptionError,
  type SharedState,
  systemClock,
} from '@resilient-llm/policies';
import { assertObject, assertOptions } from '@resilient-llm/policies/validation';
import type { EventSink } from '../contract/pipeline-event';
import { definedOnly } from './defined-only';
import { withOptionPrefix } from './with-option-prefix';

/** Options shared by every target, with overrides for some targets by id. */
export type PerTargetOptions<TOptions> = TOptions & {
  /** Overrides for single targets, by target id (e.g. a gateway's lower rate limit). Defaults to none. */
  targets?: Readonly<Record<string, TOptions>>;
};

/** The keys of per-target options: those of one target's options plus `targets`. */
export function perTargetKeys<TKey extends string>(
  targetKeys: readonly TKey[],
): readonly (TKey | 'targets')[] {
  return [...targetKeys, 'targets'];
}

/** What per-target policies learn of their model at setup (a part of `StageSetup`). */
export interface PerTargetModel {
  readonly targetIds: readonly string[];
  readonly clock: Clock;
  readonly events?: EventSink;
  readonly sharedState?: SharedState;
}

/** One policy per target of a model, built once the stage knows the model. */
export interface PerTargetPolicies<TPolicy> {
  /** Each target's policy, by target id: empty until {@link setUp}. */
  readonly byTarget: ReadonlyMap<string, TPolicy>;
  /**
   * Builds the policy of every target of the model into {@link byTarget} and returns it;
   * refuses an override that names no target of the model.
   */
  setUp(model: PerTargetModel): ReadonlyMap<string, TPolicy>;
}

// The target id a dry run builds under, when options are checked before the model is known.
const optionsCheckId = '(options check)';

/**
 * Checks per-target options at once, before the stage knows its model, and builds one policy
 * per target at setup from shared options merged with that target's overrides. Overrides hold
 * only `targetKeys`; the shared options must be valid on their own. Invalid options are reported
 * under `prefix`, where they were written (`rateLimit.windowMs`,
 * `rateLimit.targets.gateway.windowMs`). Setup refuses overrides that name no target of the
 * model (`rateLimit.targets`). `build` gets the model too, except in the dry runs that check
 * options before the model is known.
 */
export function perTarget<TOptions extends object, TPolicy>(
  prefix: string,
  { targets: overrides = {}, ...given }: PerTargetOptions<TOptions>,
  targetKeys: readonly string[],
  build: (options: TOptions, targetId: string, clock: Clock, model?: PerTargetModel) => TPolicy,
): PerTargetPolicies<TPolicy> {
  assertObject(`${prefix}.targets`, overrides);
  const shared = definedOnly(given);
  const overriddenIds = Object.keys(overrides);
  for (const id of overriddenIds)
    assertOptions(`${prefix}.targets.${id}`, overrides[id], targetKeys);
  const buildFor = (targetId: string, clock: Clock, model?: PerTargetModel) => {
    const override = Object.hasOwn(overrides, targetId) ? overrides[targetId] : undefined;
    // A bad value is reported where it was written: in the override, or in the shared options.
    const prefixOf = (field: string) =>
      override && Object.hasOwn(override, topKey(field)) ? `${prefix}.targets.${targetId}` : prefix;
    return withOptionPrefix(prefixOf, () =>
      build(
        { ...shared, ...(override && definedOnly(override)) } as TOptions,
        targetId,
        clock,
        model,
      ),
    );
  };
  // The shared options on their own, so that a bad value is refused even where every target
  // overrides it; then every override merged with them.
  withOptionPrefix(prefix, () => build(shared as TOptions, optionsCheckId, systemClock));
  for (const id of overriddenIds) buildFor(id, systemClock);
  const byTarget = new Map<string, TPolicy>();
  return {
    byTarget,
    setUp(model) {
      const { targetIds, clock } = model;
      for (const id of overriddenIds) {
        if (!targetIds.includes(id)) {
          throw new InvalidOptionError({
            field: `${prefix}.targets`,
            value: id,
            reason: `names no target (targets are ${targetIds.join(', ')})`,
          });
        }
      }
      const built = targetIds.map((id) => [id, buildFor(id, clock, model)] as const);
      for (const [id, policy] of built) byTarget.set(id, policy);
      return byTarget;
    },
  };
}

function topKey(field: string): string {
  return field.split(/[.[]/, 1)[0]!;
}
