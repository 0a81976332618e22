import type { HeadersLike } from '../contract/rate-limit-snapshot';

/**
 * Reads one response header, case-insensitively, from Web `Headers` (anything with a `get`
 * method) or a plain record with keys in any case.
 *
 * The value comes back trimmed; an empty header comes back as `''`. From a record, an array
 * value gives its first entry and a number, bigint or boolean is stringified. A missing
 * header, `null`, `undefined` or any other value gives `undefined`.
 *
 * Never throws: headers arrive from SDK errors and user code, so a getter that throws, a
 * revoked `Proxy` or a `get` that returns nonsense all read as "absent".
 */
export function readHeader(
  headers: HeadersLike | null | undefined,
  name: string,
): string | undefined {
  try {
    if (typeof headers !== 'object' || headers === null) return undefined;
    const lowerName = name.toLowerCase();
    const get = (headers as { get?: unknown }).get;
    if (typeof get === 'function') {
      // Lower-cased so that a `Map` keyed the way HTTP/2 and Node spell headers also works.
      return toHeaderValue(get.call(headers, lowerName));
    }
    const record = headers as Readonly<Record<string, unknown>>;
    if (Object.hasOwn(record, lowerName)) return toHeaderValue(record[lowerName]);
    for (const key of Object.keys(record)) {
      if (key.toLowerCase() === lowerName) return toHeaderValue(record[key]);
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** A header's value as {@link readHeader} gives it: trimmed text, the first of an array, a number stringified. */
export function toHeaderValue(value: unknown): string | undefined {
  const first = Array.isArray(value) ? (value as readonly unknown[])[0] : value;
  switch (typeof first) {
    case 'string':
      return first.trim();
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(first);
    default:
      return undefined;
  }
}
