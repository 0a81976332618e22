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
  const state: WriteState = { out: [], largeStrings: [], largeStringLength, ancestors: [] };
  try {
    if (!write(value, state)) state.out.push('null');
  } catch (error) {
    if (error instanceof NoCanonicalForm) throw uncacheable(error.path, error.reason);
    throw error;
  }
  return { pieces: state.out, largeStrings: state.largeStrings };
}

/**
 * Thrown down in the walk where a value has no canonical form; each level it passes on its
 * way out puts its key or index in front of `path`. The walk keeps no path of its own, so a
 * value that can be keyed (nearly every one) pays nothing for the error's path.
 */
class NoCanonicalForm extends Error {
  readonly path: Array<string | number> = [];

  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Writes `value` found at `step` of its parent, naming the step in an error from below. */
function writeAt(value: unknown, step: string | number, state: WriteState): boolean {
  try {
    return write(value, state);
  } catch (error) {
    if (error instanceof NoCanonicalForm) error.path.unshift(step);
    throw error;
  }
}

/** Object keys as written (escaped, quoted), remembered: material repeats the same few keys. */
const writtenKeys = new Map<string, string>();
/** The most keys {@link writtenKeys} holds before it starts over. */
const writtenKeysBound = 1024;

function writtenKey(key: string): string {
  let written = writtenKeys.get(key);
  if (written === undefined) {
    // Keys starting with `$` get one more, so that no object can pass for a tagged value.
    written = JSON.stringify(key.startsWith('$') ? `$${key}` : key);
    if (writtenKeys.size >= writtenKeysBound) writtenKeys.clear();
    writtenKeys.set(key, written);
  }
  return written;
}

interface WriteState {
  readonly out: string[];
  readonly largeStrings: LargeString[];
  readonly largeStringLength: number;
  /** Objects being written, outermost first (a short list: as deep as the material). */
  readonly ancestors: object[];
}

/** Appends the canonical form of `value`; false when the value is dropped. */
function write(value: unknown, state: WriteState): boolean {
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
  const prototype = Object.getPrototypeOf(object);
  // Plain objects and arrays first: they are what key material is made of.
  if (!Array.isArray(object) && prototype !== Object.prototype && prototype !== null)
    return writeInstance(object, state);
  const { ancestors } = state;
  if (ancestors.includes(object)) throw new NoCanonicalForm('a cycle');
  ancestors.push(object);
  if (Array.isArray(object)) writeArray(object, state);
  else writeObject(object as Record<string, unknown>, state);
  ancestors.pop();
  return true;
}

/** Appends an array; a hole or a dropped item is `null`, as `JSON.stringify` writes it. */
function writeArray(array: readonly unknown[], state: WriteState): void {
  const { out } = state;
  out.push('[');
  for (let index = 0; index < array.length; index++) {
    if (index > 0) out.push(',');
    if (!writeAt(array[index], index, state)) out.push('null');
  }
  out.push(']');
}

/** Appends a plain object, its keys sorted and its dropped fields left out. */
function writeObject(object: Record<string, unknown>, state: WriteState): void {
  const { out } = state;
  out.push('{');
  let first = true;
  for (const key of Object.keys(object).sort()) {
    const mark = out.length;
    out.push(first ? '' : ',', writtenKey(key), ':');
    if (writeAt(object[key], key, state)) first = false;
    else out.length = mark;
  }
  out.push('}');
}

/** Appends the canonical form of an instance of a class; false when it is per-call noise. */
function writeInstance(object: object, state: WriteState): boolean {
  const { out } = state;
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
  const kind = (object as { constructor?: { name?: string } }).constructor?.name ?? 'object';
  throw new NoCanonicalForm(`a ${kind} has no canonical form`);
}

/** The error for the value at `path` (`$.messages[0].content`). */
function uncacheable(path: ReadonlyArray<string | number>, reason: string): UncacheableValueError {
  let text = '$';
  for (const step of path) text += typeof step === 'number' ? `[${step}]` : `.${step}`;
  return new UncacheableValueError({ path: text, reason });
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
