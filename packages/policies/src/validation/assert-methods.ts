import { InvalidOptionError } from '../errors/invalid-option-error';
import { assertObject } from './assert-object';

/**
 * Throws {@link InvalidOptionError} unless `value` is an object with a function for each of
 * `methods` (a clock's `now`, `setTimeout`, `clearTimeout`; a retry budget's `recordCall`,
 * `tryRetry`); a missing one is named as `field.method`. `undefined` passes.
 */
export function assertMethods(field: string, value: unknown, methods: readonly string[]): void {
  if (value === undefined) return;
  const needs = `needs the methods ${methods.join(', ')}`;
  assertObject(field, value, `must be an object that ${needs}`);
  for (const method of methods) {
    const member = (value as Record<string, unknown>)[method];
    if (typeof member !== 'function') {
      throw new InvalidOptionError({
        field: `${field}.${method}`,
        value: member,
        reason: `must be a function (${field} ${needs})`,
      });
    }
  }
}
