import { InvalidOptionError } from '@resilient-llm/policies';
import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * A generated options value and the paths that must be refused in it: none when the value is
 * valid throughout, else every bad value and unknown key (`retry.maxAttemps`, `timeoutMs`).
 */
export interface OptionCase {
  readonly value: unknown;
  readonly offending: readonly string[];
}

/** How to generate one field of an options object, given the field's path. */
export type FieldCase = (path: string) => fc.Arbitrary<OptionCase>;

/** A path under `parent` (`''` is the top level). */
export const pathOf = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`);

// One field in so many is bad, and one object in so many has unknown keys: enough for most
// generated objects to be valid throughout, or to hold a single fault.
const goodWeight = 40;
const cleanWeight = 12;

/** A value that passes. */
export const valid =
  (value: fc.Arbitrary<unknown>): FieldCase =>
  () =>
    value.map((generated) => ({ value: generated, offending: [] }));

/** Mostly a valid value, sometimes a bad one that must be refused at `path`. */
export const field =
  (good: fc.Arbitrary<unknown>, bad: fc.Arbitrary<unknown>): FieldCase =>
  (path) =>
    fc.oneof(
      { weight: goodWeight, arbitrary: valid(good)(path) },
      { weight: 1, arbitrary: bad.map((value) => ({ value, offending: [path] })) },
    );

/** A bad value, refused at `path`. */
export const invalid =
  (bad: fc.Arbitrary<unknown>): FieldCase =>
  (path) =>
    bad.map((value) => ({ value, offending: [path] }));

/** Mostly `options`, sometimes a bad value of another kind refused at its path. */
export const mostly =
  (options: FieldCase, bad: FieldCase): FieldCase =>
  (path) =>
    fc.oneof({ weight: goodWeight, arbitrary: options(path) }, { weight: 1, arbitrary: bad(path) });

/**
 * Mostly an array of one case per item, each generated at its index (`models[0]`); sometimes
 * a `bad` value where the array belongs.
 */
export const listCase = (items: FieldCase[], bad: fc.Arbitrary<unknown>): FieldCase =>
  mostly(
    (path) =>
      fc.tuple(...items.map((item, index) => item(`${path}[${index}]`))).map((cases) => ({
        value: cases.map((each) => each.value),
        offending: cases.flatMap((each) => each.offending),
      })),
    invalid(bad),
  );

/** One of several ways to write a field. */
export const either =
  (...cases: FieldCase[]): FieldCase =>
  (path) =>
    fc.oneof(...cases.map((fieldCase) => fieldCase(path)));

/**
 * Builds from a generated case: with no offending path it must succeed (and what it built is
 * returned); with some it must throw `InvalidOptionError` naming one of them, or a path under
 * one, and nothing else.
 */
export function expectBuild<T>(
  build: (options: unknown) => T,
  { value, offending }: OptionCase,
): T | undefined {
  let built: T;
  try {
    built = build(value);
  } catch (error) {
    expect(InvalidOptionError.isInstance(error), String(error)).toBe(true);
    const { field } = error as InvalidOptionError;
    expect(namesOffendingPath(field, offending), `${field} of ${offending}`).toBe(true);
    return undefined;
  }
  expect(offending, 'accepted options that must be refused').toEqual([]);
  return built;
}

/** Whether `field` (as an `InvalidOptionError` names it) is one of the offending paths or lies under one. */
function namesOffendingPath(field: string, offending: readonly string[]): boolean {
  return offending.some(
    (path) => field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`),
  );
}

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/);

/** Near misses of a key: a letter dropped, doubled or changed, two swapped, another case, a snake case. */
function typosOf(key: string): string[] {
  const typos = new Set<string>([key.toLowerCase(), key[0]!.toUpperCase() + key.slice(1)]);
  typos.add(key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`));
  for (let index = 0; index < key.length; index++) {
    typos.add(key.slice(0, index) + key.slice(index + 1));
    typos.add(key.slice(0, index) + key[index] + key.slice(index));
    typos.add(`${key.slice(0, index)}x${key.slice(index + 1)}`);
    if (index + 1 < key.length)
      typos.add(key.slice(0, index) + key[index + 1] + key[index] + key.slice(index + 2));
  }
  return [...typos];
}

/**
 * Keys an object of `knownKeys` must refuse: near misses of its keys, `extra` keys (options
 * a caller might expect there, such as those the pipeline fills in itself), and random names.
 */
function unknownKey(knownKeys: readonly string[], extra: readonly string[] = []) {
  const typos = knownKeys.flatMap(typosOf);
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...typos) },
      { weight: 1, arbitrary: extra.length > 0 ? fc.constantFrom(...extra) : identifier },
      { weight: 1, arbitrary: identifier },
    )
    .filter((key) => !knownKeys.includes(key) && key !== '__proto__');
}

/**
 * An options object: some of `fields` (each generated at its own path; `required` ones
 * always), and now and then unknown keys, each of which must be refused at its path.
 */
export function objectCase(
  fields: Readonly<Record<string, FieldCase>>,
  {
    extra = [],
    knownKeys = Object.keys(fields),
    required = [],
  }: { extra?: readonly string[]; knownKeys?: readonly string[]; required?: string[] } = {},
): FieldCase {
  return (path) => {
    const present = fc.record(
      Object.fromEntries(
        Object.entries(fields).map(([key, make]) => [key, make(pathOf(path, key))]),
      ),
      { requiredKeys: required },
    );
    const unknown = fc.oneof(
      { weight: cleanWeight, arbitrary: fc.constant([]) },
      {
        weight: 1,
        arbitrary: fc.uniqueArray(unknownKey(knownKeys, extra), { minLength: 1, maxLength: 2 }),
      },
    );
    return fc.tuple(present, unknown, fc.anything()).map(([cases, unknownKeys, stray]) => {
      const value: Record<string, unknown> = {};
      const offending: string[] = [];
      for (const [key, fieldCase] of Object.entries(cases as Record<string, OptionCase>)) {
        value[key] = fieldCase.value;
        offending.push(...fieldCase.offending);
      }
      for (const key of unknownKeys) {
        value[key] = stray;
        offending.push(pathOf(path, key));
      }
      return { value, offending };
    });
  };
}
