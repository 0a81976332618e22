/**
 * The keys of an options type as a list for {@link assertKnownKeys}, written once next to
 * the interface: the compiler refuses the list when it misses a key of `TOptions` or names
 * one it does not have, so the list cannot drift from the type.
 * @typeParam TOptions The options interface whose keys are listed; given explicitly,
 * `optionKeys<MyOptions>({...})`.
 */
export function optionKeys<TOptions>(
  keys: {
    readonly [TKey in keyof Required<TOptions>]: true;
  },
): readonly (keyof TOptions & string)[] {
  return Object.keys(keys) as (keyof TOptions & string)[];
}

/**
 * `keys` less those an owner fills in itself (a stage's `clock`, say), for a narrower options type.
 * @typeParam TKey The keys of the options type, inferred from `keys`.
 * @typeParam TOmitted The keys left out, inferred from `omitted`.
 */
export function withoutKeys<TKey extends string, TOmitted extends TKey>(
  keys: readonly TKey[],
  omitted: readonly TOmitted[],
): readonly Exclude<TKey, TOmitted>[] {
  return keys.filter((key): key is Exclude<TKey, TOmitted> => !omitted.includes(key as TOmitted));
}
