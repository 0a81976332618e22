import { toBase64 } from '../entry/base64';
import { UncacheableValueError } from '../errors/uncacheable-value-error';

/**
 * Serialises key material canonically: object keys sorted, `undefined`, functions and symbols
 * dropped from objects, per-call noise (`AbortSignal`, `Headers`) dropped, dates as ISO
 * strings, bytes as base64, non-finite numbers and bigints tagged so they stay distinct.
 * Object keys that start with `$` are escaped so no object passes for a tagged value.
 * Anything else without a canonical form (maps, sets, class instances, cycles) throws
 * {@link UncacheableValueError}: a wrong hit is worse than a miss.
 */
export function canonicalJson(value: unknown): string {
  return canonicalPieces(value).pieces.join('');
}

/** A string left out of {@link CanonicalPieces.pieces}, to be keyed by its own digest. */
export interface LargeString {
  /** Where its placeholder sits in `pieces`. */
  readonly index: number;
  readonly value: string;
}

/** The canonical form in pieces (joined once, so a large prompt is copied once at most). */
export interface CanonicalPieces {
  readonly pieces: string[];
  /** Strings of at least `largeStringLength` characters, whose pieces are placeholders. */
  readonly largeStrings: LargeString[];
}

/**
 * {@link canonicalJson} in pieces. Strings of `largeStringLength` characters or more are not
 * escaped into the output but left as placeholders for the caller to fill with a digest:
 * escaping a long prompt costs more than hashing it.
 */
export function canonicalPieces(value: unknown, largeStringLength = Infinity): CanonicalPieces {
  const state: WriteState = { out: [], largeStrings: [], largeStringLength };
  if (!write(value, '$', new Set(), state)) state.out.push('null');
  return { pieces: state.out, largeStrings: state.largeStrings };
}

interface WriteState {
  readonly out: string[];
  readonly largeStrings: LargeString[];
  readonly largeStringLength: number;
}

/** Appends the canonical form of `value`; false when the value is dropped. */
function write(value: unknown, path: string, ancestors: Set<object>, state: WriteState): boolean {
  const { out } = state;
  switch (typeof value) {
    case 'string':
      if (value.length >= state.largeStringLength) {
        state.largeStrings.push({ index: out.length, value });
        out.push('');
      } else out.push(JSON.stringify(value));
      return true;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return true;
    case 'number':
      out.push(Number.isFinite(value) ? JSON.stringify(value) : `{"$number":"${value}"}`);
      return true;
    case 'bigint':
      out.push(`{"$bigint":"${value}"}`);
      return true;
    case 'undefined':
    case 'function':
    case 'symbol':
      return false;
  }
  if (value === null) {
    out.push('null');
    return true;
  }
  const object = value as object;
  if (isNoise(object)) return false;
  if (object instanceof Date) {
    out.push(`{"$date":${JSON.stringify(object.toISOString())}}`);
    return true;
  }
  if (object instanceof URL) {
    out.push(JSON.stringify(object.href));
    return true;
  }
  if (ArrayBuffer.isView(object) || object instanceof ArrayBuffer) {
    out.push(`{"$bytes":"${toBase64(viewOf(object))}"}`);
    return true;
  }
  if (ancestors.has(object)) throw new UncacheableValueError({ path, reason: 'a cycle' });
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      out.push('[');
      object.forEach((item, index) => {
        if (index > 0) out.push(',');
        if (!write(item, `${path}[${index}]`, ancestors, state)) out.push('null');
      });
      out.push(']');
      return true;
    }
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) {
      const kind = (object as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new UncacheableValueError({ path, reason: `a ${kind} has no canonical form` });
    }
    out.push('{');
    let first = true;
    for (const key of Object.keys(object).sort()) {
      const mark = out.length;
      // Keys starting with `$` get one more, so that no object can pass for a tagged value.
      const written = key.startsWith('$') ? `$${key}` : key;
      out.push(first ? '' : ',', JSON.stringify(written), ':');
      if (write((object as Record<string, unknown>)[key], `${path}.${key}`, ancestors, state))
        first = false;
      else out.length = mark;
    }
    out.push('}');
    return true;
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

function viewOf(bytes: ArrayBufferView | ArrayBuffer): Uint8Array {
  return bytes instanceof ArrayBuffer
    ? new Uint8Array(bytes)
    : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
