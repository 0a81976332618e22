import { assertFunction } from '../validation/assert-function';
import { assertMethods } from '../validation/assert-methods';
import { assertRequired } from '../validation/assert-required';
import type { SharedState } from './shared-state';
import { optionalSharedStateMethods, sharedStateMethods } from './shared-state-options';

/**
 * Throws `InvalidOptionError` naming `field` unless `value` is a {@link SharedState}: an object
 * with its methods (and, where present, functions for the optional ones). `undefined` passes
 * unless `required`.
 */
export function assertSharedState(field: string, value: unknown, required = false): void {
  if (required) assertRequired(field, value);
  assertMethods(field, value, sharedStateMethods);
  if (value === undefined) return;
  const members = value as Record<string, unknown>;
  for (const method of optionalSharedStateMethods)
    assertFunction(`${field}.${method}`, members[method]);
}
