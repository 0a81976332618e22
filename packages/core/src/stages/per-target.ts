import { InvalidOptionError } from '@resilient-llm/policies';
import { withOptionPrefix } from './with-option-prefix';

/** Options shared by every target, with overrides for some targets by id. */
export type PerTargetOptions<TOptions> = TOptions & {
  /** Overrides for single targets, by target id (e.g. a gateway's lower rate limit). Defaults to none. */
  targets?: Readonly<Record<string, TOptions>>;
};

/**
 * Builds one policy per target from shared options merged with that target's overrides.
 * Invalid options are reported under `prefix` (`rateLimit.targets.gateway.windowMs`).
 */
export function perTarget<TOptions extends object, TPolicy>(
  prefix: string,
  { targets: overrides = {}, ...shared }: PerTargetOptions<TOptions>,
  targetIds: readonly string[],
  build: (options: TOptions, targetId: string) => TPolicy,
): ReadonlyMap<string, TPolicy> {
  for (const id of Object.keys(overrides)) {
    if (!targetIds.includes(id)) {
      throw new InvalidOptionError({
        field: `${prefix}.targets`,
        value: id,
        reason: `names no target (targets are ${targetIds.join(', ')})`,
      });
    }
  }
  return new Map(
    targetIds.map((id) => {
      const override = overrides[id];
      const fieldPrefix = override ? `${prefix}.targets.${id}` : prefix;
      return [
        id,
        withOptionPrefix(fieldPrefix, () => build({ ...shared, ...override } as TOptions, id)),
      ];
    }),
  );
}
