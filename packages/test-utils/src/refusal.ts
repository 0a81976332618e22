import { inspect } from 'node:util';
import { InvalidOptionError } from '@resilient-llm/policies';

/** The `InvalidOptionError` that `build` throws; fails the test when it throws anything else or nothing. */
export function refusal(build: () => unknown): InvalidOptionError {
  try {
    build();
  } catch (error) {
    if (InvalidOptionError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('The input was accepted.');
}

/** The field `build`'s `InvalidOptionError` names, or `undefined` when it accepts the input; any other error fails the test. */
export function refusedField(build: () => unknown): string | undefined {
  try {
    build();
  } catch (error) {
    if (InvalidOptionError.isInstance(error)) return error.field;
    throw error;
  }
  return undefined;
}

/** Every way a value reaches a log: `String`, `JSON.stringify` and `console.error`'s rendering. */
export function renderings(value: unknown): string[] {
  const seen = new WeakSet<object>();
  const json = JSON.stringify(value, (_, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null) return inner;
    if (seen.has(inner)) return '[circular]';
    seen.add(inner);
    return inner;
  });
  return [String(value), json ?? '', inspect(value, { depth: Infinity, showHidden: true })];
}
