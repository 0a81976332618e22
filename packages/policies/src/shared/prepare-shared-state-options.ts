import { assertNumber } from '../validation/assert-number';
import { assertOptions } from '../validation/assert-options';
import { assertRequired } from '../validation/assert-required';
import { assertString } from '../validation/assert-string';
import { assertSharedState } from './assert-shared-state';
import type { SharedState } from './shared-state';
import {
  defaultSharedStateOptions,
  type SharedStateOptions,
  sharedStateOptionKeys,
} from './shared-state-options';

/** {@link SharedStateOptions} with defaults applied and values checked. */
export interface SharedStateSettings {
  readonly state: SharedState;
  readonly key: string;
  readonly timeoutMs: number;
  readonly rejoinAfterMs: number;
}

/**
 * Applies defaults and validates, naming a bad field under `field` (`shared.timeoutMs`);
 * `extraKeys` are the further keys the caller's options type allows.
 */
export function prepareSharedStateOptions(
  field: string,
  options: SharedStateOptions,
  extraKeys: readonly string[] = [],
): SharedStateSettings {
  assertRequired(field, options);
  assertOptions(field, options, [...sharedStateOptionKeys, ...extraKeys]);
  const {
    state,
    key,
    timeoutMs = defaultSharedStateOptions.timeoutMs,
    rejoinAfterMs = defaultSharedStateOptions.rejoinAfterMs,
  } = options;
  assertSharedState(`${field}.state`, state, true);
  assertRequired(`${field}.key`, key);
  assertString(`${field}.key`, key);
  assertNumber(`${field}.timeoutMs`, timeoutMs, { min: 1 });
  assertNumber(`${field}.rejoinAfterMs`, rejoinAfterMs, { min: 0 });
  return { state, key, timeoutMs, rejoinAfterMs };
}
