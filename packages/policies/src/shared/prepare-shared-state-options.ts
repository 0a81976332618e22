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
  assertSharedStateTuning(field, { timeoutMs, rejoinAfterMs });
  return { state, key, timeoutMs, rejoinAfterMs };
}

/** How a policy copes with a slow or failing fleet state: the two numbers of {@link SharedStateOptions}. */
export type SharedStateTuning = Pick<SharedStateOptions, 'timeoutMs' | 'rejoinAfterMs'>;

/**
 * Checks `timeoutMs` (at least 1) and `rejoinAfterMs` (at least 0) where given, naming a bad
 * one under `field`: for callers that pass them on to a policy built later, such as the
 * pipeline's stages, which must refuse a bad value when the model is built.
 */
export function assertSharedStateTuning(field: string, tuning: SharedStateTuning): void {
  if (tuning.timeoutMs !== undefined)
    assertNumber(`${field}.timeoutMs`, tuning.timeoutMs, { min: 1 });
  if (tuning.rejoinAfterMs !== undefined)
    assertNumber(`${field}.rejoinAfterMs`, tuning.rejoinAfterMs, { min: 0 });
}
