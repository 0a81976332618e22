// What the type parameter check reads: each export is described, or not, in one way.

/**
 * Described with `@typeParam`.
 * @typeParam T The value.
 */
export type Described<T> = T[];

/**
 * Described with `@template`, TypeDoc's alias.
 * @template T The value.
 */
export type Templated<T> = T[];

/**
 * Named with no description.
 * @typeParam T
 */
export type NamedOnly<T> = T[];

/** One overload described, the other not; the implementation is not shown. */
export function overloaded<T>(value: T): T;
/**
 * The described overload.
 * @typeParam T The value.
 */
export function overloaded<T>(value: T, twice: boolean): T;
export function overloaded<T>(value: T): T {
  return value;
}

/** A class whose public method is undocumented and whose private one does not count. */
export class Holder<TValue> {
  /** Maps nothing. */
  map<TOut>(fn: (value: TValue) => TOut): TOut | undefined {
    return fn === undefined ? undefined : undefined;
  }

  private hidden<THidden>(value: THidden): THidden {
    return value;
  }
}

/** An arrow function held by a constant. */
export const arrow = <TArg>(value: TArg): TArg => value;

/**
 * Not in the API reference.
 * @internal
 */
export type Hidden<T> = T;
