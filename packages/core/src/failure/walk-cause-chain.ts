/** How deep {@link walkCauseChain} follows `cause`; real wrappers nest a handful of levels. */
const maximumDepth = 8;
/** How many members of an `AggregateError` are looked at; happy-eyeballs gives two or three. */
const maximumAggregateMembers = 8;

/**
 * The error, then what it wraps: `cause`, and the members of an `AggregateError` (`fetch`
 * reports each failed address of a host that way). Breadth first, so the nearer wrapper comes
 * before the deeper cause; bounded in depth and breadth, each value once even when the chain
 * loops, and safe against properties that throw when read.
 */
export function walkCauseChain(error: unknown): unknown[] {
  const seen = new Set<unknown>();
  const found: unknown[] = [];
  let level: unknown[] = [error];
  for (let depth = 0; depth <= maximumDepth && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const value of level) {
      if (value === undefined || value === null || seen.has(value)) continue;
      seen.add(value);
      found.push(value);
      next.push(readProperty(value, 'cause'));
      const members = readProperty(value, 'errors');
      if (Array.isArray(members)) next.push(...members.slice(0, maximumAggregateMembers));
    }
    level = next;
  }
  return found;
}

/** Reads a property without trusting the object: getters and proxies may throw. */
export function readProperty(value: unknown, key: string): unknown {
  if (typeof value !== 'object' && typeof value !== 'function') return undefined;
  if (value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}
