/**
 * The default test for non-deterministic sampling: the key material (or the request) sets a
 * numeric `temperature` above 0. A request that sets none counts as deterministic.
 */
export function isNonDeterministic(_request: unknown, material: unknown): boolean {
  if (typeof material !== 'object' || material === null) return false;
  const { temperature } = material as { temperature?: unknown };
  return typeof temperature === 'number' && temperature > 0;
}
