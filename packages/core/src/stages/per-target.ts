import { InvalidOptionError } from '@resilient-llm/policies';
import { assertObject, assertOptions } from '@resilient-llm/policies/validation';
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

/**
 * Builds one policy per target from shared options merged with that target's overrides.
 * Overrides must name targets of the model and hold only `targetKeys`; the shared options
 * must be valid on their own. Invalid options are reported under `prefix`, where they were
 * written (`rateLimit.windowMs`, `rateLimit.targets.gateway.windowMs`).
 */
export function perTarget<TOptions extends object, TPolicy>(
  prefix: string,
  { targets: overrides = {}, ...shared }: PerTargetOptions<TOptions>,
  { targetIds, targetKeys }: { targetIds: readonly string[]; targetKeys: readonly string[] },
  build: (options: TOptions, targetId: string) => TPolicy,
): ReadonlyMap<string, TPolicy> {
  assertObject(`${prefix}.targets`, overrides);
  for (const [id, override] of Object.entries(overrides)) {
    if (!targetIds.includes(id)) {
      throw new InvalidOptionError({
        field: `${prefix}.targets`,
        value: id,
        reason: `names no target (targets are ${targetIds.join(', ')})`,
      });
    }
    assertOptions(`${prefix}.targets.${id}`, override, targetKeys);
  }
  // The shared options on their own, so that a bad value is refused even where every target
  // overrides it.
  withOptionPrefix(prefix, () => build(shared as TOptions, targetIds[0]!));
  return new Map(
    targetIds.map((id) => {
      const override = overrides[id];
      // A bad value is reported where it was written: in the override, or in the shared options.
      const prefixOf = (field: string) =>
        override && Object.hasOwn(override, topKey(field)) ? `${prefix}.targets.${id}` : prefix;
      return [
        id,
        withOptionPrefix(prefixOf, () => build({ ...shared, ...override } as TOptions, id)),
      ];
    }),
  );
}

function topKey(field: string): string {
  return field.split(/[.[]/, 1)[0]!;
}
