import { UncacheableValueError } from '../errors/uncacheable-value-error';

/**
 * Serialises key material canonically: object keys sorted, `undefined`, functions and symbols
 * dropped from objects, per-call noise (`AbortSignal`, `Headers`) dropped, dates as ISO
 * strings, bytes as base64, non-finite numbers and bigints tagged so they stay distinct.
 * Anything else without a canonical form (maps, sets, class instances, cycles) throws
 * {@link UncacheableValueError}: a wrong hit is worse than a miss.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set()) ?? 'null';
}

function write(value: unknown, path: string, ancestors: Set<object>): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : `{"$number":"${value}"}`;
    case 'bigint':
      return `{"$bigint":"${value}"}`;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (isNoise(object)) return undefined;
  if (object instanceof Date) return `{"$date":${JSON.stringify(object.toISOString())}}`;
  if (object instanceof URL) return JSON.stringify(object.href);
  if (ArrayBuffer.isView(object) || object instanceof ArrayBuffer)
    return `{"$bytes":"${toBase64(object)}"}`;
  if (ancestors.has(object)) throw new UncacheableValueError({ path, reason: 'a cycle' });
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      const items = object.map((item, index) => write(item, `${path}[${index}]`, ancestors));
      return `[${items.map((item) => item ?? 'null').join(',')}]`;
    }
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) {
      const kind = (object as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new UncacheableValueError({ path, reason: `a ${kind} has no canonical form` });
    }
    const fields: string[] = [];
    for (const key of Object.keys(object).sort()) {
      const field = write((object as Record<string, unknown>)[key], `${path}.${key}`, ancestors);
      if (field !== undefined) fields.push(`${JSON.stringify(key)}:${field}`);
    }
    return `{${fields.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}

function isNoise(object: object): boolean {
  return (
    (typeof AbortSignal !== 'undefined' && object instanceof AbortSignal) ||
    (typeof Headers !== 'undefined' && object instanceof Headers)
  );
}

function toBase64(bytes: ArrayBufferView | ArrayBuffer): string {
  const view =
    bytes instanceof ArrayBuffer
      ? new Uint8Array(bytes)
      : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < view.length; start += chunk)
    binary += String.fromCharCode(...view.subarray(start, start + chunk));
  return btoa(binary);
}
