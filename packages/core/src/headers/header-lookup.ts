import type { HeadersLike } from '../contract/rate-limit-snapshot';
import { readHeader, toHeaderValue } from './read-header';

/** Reads one header by its lower-case name, as {@link readHeader} reads it. */
export type HeaderLookup = (lowerCaseName: string) => string | undefined;

/**
 * A lookup over `headers` for code that reads many names (the rate-limit dialects are some
 * thirty): Web `Headers` and plain records are read once into a `Map` by lower-case name,
 * so that each lookup is a `Map.get` instead of a `Headers.get` (which validates and
 * normalises the name on every call) or a walk over a record's keys. In a record, a key
 * already in lower case wins over others that differ only in case, and otherwise the first
 * one, as {@link readHeader} chooses. Anything else with a `get` (a `Map`, your own object) is
 * read through {@link readHeader} name by name. Never throws.
 */
export function headerLookup(headers: HeadersLike | null | undefined): HeaderLookup {
  const index = indexOf(headers);
  if (!index) return (name) => readHeader(headers, name);
  return (name) => {
    const value = index.get(name);
    return value === undefined ? undefined : toHeaderValue(value);
  };
}

function indexOf(headers: HeadersLike | null | undefined): Map<string, unknown> | undefined {
  if (typeof headers !== 'object' || headers === null) return new Map();
  try {
    const index = new Map<string, unknown>();
    if (typeof Headers === 'function' && headers instanceof Headers) {
      // Names come lower-cased, and a repeated header once, its values joined as `get` joins them.
      headers.forEach((value, name) => {
        index.set(name, value);
      });
      return index;
    }
    if (typeof (headers as { get?: unknown }).get === 'function') return undefined;
    for (const [key, value] of Object.entries(headers)) {
      const name = key.toLowerCase();
      if (name === key || !index.has(name)) index.set(name, value);
    }
    return index;
  } catch {
    return undefined;
  }
}
