/**
 * `options` without the keys given as `undefined`, for merging over defaults: a key written as
 * `undefined` means "the default", the stage's own or the shared one, never the policy's.
 */
export function definedOnly<TOptions extends object>(options: TOptions): Partial<TOptions> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<TOptions>;
}
