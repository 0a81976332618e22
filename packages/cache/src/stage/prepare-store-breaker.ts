import { InvalidOptionError } from '@resilient-llm/policies';
import { assertNumber, assertOptions } from '@resilient-llm/policies/validation';
import {
  defaultStoreBreakerOptions,
  type StoreBreakerOptions,
  storeBreakerOptionKeys,
} from './cache-stage-options';
import type { StoreBreakerSettings } from './store-breaker';

/** Checks `storeBreaker` and applies its defaults; undefined when it is off. */
export function prepareStoreBreaker(
  options: StoreBreakerOptions | false,
): StoreBreakerSettings | undefined {
  if (options === false) return undefined;
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionError({
      field: 'storeBreaker',
      value: options,
      reason: 'must be { failureThreshold?, cooldownMs? } or false',
    });
  assertOptions('storeBreaker', options, storeBreakerOptionKeys);
  const {
    failureThreshold = defaultStoreBreakerOptions.failureThreshold,
    cooldownMs = defaultStoreBreakerOptions.cooldownMs,
  } = options;
  assertNumber('storeBreaker.failureThreshold', failureThreshold, { min: 1, integer: true });
  assertNumber('storeBreaker.cooldownMs', cooldownMs, { min: 1, max: 2 ** 31 - 1, integer: true });
  return { failureThreshold, cooldownMs };
}
