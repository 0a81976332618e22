// One random id per object, for this process (per copy of this module): objects that stand
// for credentials are told apart by identity, and no id outlives its object.
const identities = new WeakMap<object, string>();

/** A random id that stands for `value` as long as it lives, the same on every call. */
export function identityOf(value: object): string {
  let identity = identities.get(value);
  if (identity === undefined) {
    identity = crypto.randomUUID();
    identities.set(value, identity);
  }
  return identity;
}
